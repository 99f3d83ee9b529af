package org.flowfield.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowfield.classrooms.ClassroomClosing;
import org.flowfield.classrooms.MembershipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When someone is no longer in a class, the runs they shared with it become private, in the same
 * transaction; and every page showing a run shared with the class checks its access again once it
 * is committed, so the one who left stops seeing the others' runs at once too.
 */
@Component
class WithdrawnSharing {

    private final RunRepository runs;
    private final AccessChanges accessChanges;

    WithdrawnSharing(RunRepository runs, AccessChanges accessChanges) {
        this.runs = runs;
        this.accessChanges = accessChanges;
    }

    @EventListener
    void membershipEnded(MembershipEnded ended) {
        List<UUID> changed = new ArrayList<>(runs.withdrawFromClassroom(ended.classroomId(), ended.accountId()));
        changed.addAll(runs.idsSharedWithClassroom(ended.classroomId()));
        accessChanges.announce(changed);
    }

    @EventListener
    void classroomClosing(ClassroomClosing closing) {
        List<UUID> shared = runs.idsSharedWithClassroom(closing.classroomId());
        shared.forEach(id -> runs.share(RunSharing.privateRun(id)));
        accessChanges.announce(shared);
    }
}
