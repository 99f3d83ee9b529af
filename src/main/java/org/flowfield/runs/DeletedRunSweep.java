package org.flowfield.runs;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, removes the folders of deleted runs that a crash (or a trainer's last write after its
 * run was deleted) left behind: the rows said so in the transaction that deleted the run.
 */
@Component
class DeletedRunSweep {

    private static final Logger log = LoggerFactory.getLogger(DeletedRunSweep.class);

    private final RunRepository runs;
    private final RunFiles files;

    DeletedRunSweep(RunRepository runs, RunFiles files) {
        this.runs = runs;
        this.files = files;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        int removed = 0;
        for (UUID runId : runs.deletionsPending()) {
            if (files.deleteFolder(runId)) {
                runs.forgetDeletion(runId);
                removed++;
            }
        }
        if (removed > 0) {
            log.info("removed the files of {} deleted run(s)", removed);
        }
    }
}
