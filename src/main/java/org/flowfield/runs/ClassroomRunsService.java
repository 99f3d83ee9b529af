package org.flowfield.runs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.queue.QueuePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs of a class: the gallery of runs shared with it (for its members) and, for its
 * instructor, every member's runs and where their waiting runs stand in the shared queue. A class
 * the caller is not in (or, for the instructor's views, does not teach) answers like one that does
 * not exist.
 */
@Service
public class ClassroomRunsService {

    private final RunRepository runs;
    private final ClassroomService classrooms;

    ClassroomRunsService(RunRepository runs, ClassroomService classrooms) {
        this.runs = runs;
        this.classrooms = classrooms;
    }

    /**
     * The runs shared with the class, newest first.
     *
     * @throws ClassroomNotFoundException when the viewer is not in the class
     */
    @Transactional(readOnly = true)
    public List<Run> gallery(UUID viewerId, UUID classroomId) {
        classrooms.find(viewerId, classroomId);
        return runs.listSharedWithClassroom(classroomId);
    }

    /**
     * Every run of the class's students (shared or not), newest first.
     *
     * @throws ClassroomNotFoundException when the viewer does not teach the class
     */
    @Transactional(readOnly = true)
    public List<Run> studentRuns(UUID instructorId, UUID classroomId) {
        classrooms.findInstructed(instructorId, classroomId);
        return runs.listOfClassroomMembers(classroomId);
    }

    /**
     * The place in the shared queue (1 starts next) of each waiting run of the class's students.
     *
     * @throws ClassroomNotFoundException when the viewer does not teach the class
     */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> queuePositions(UUID instructorId, UUID classroomId) {
        classrooms.findInstructed(instructorId, classroomId);
        Map<UUID, Integer> all = QueuePosition.positions(runs.queued(), runs.lastStartedByOwner());
        java.util.Set<UUID> students = runs.listOfClassroomMembers(classroomId).stream().map(Run::id)
                .collect(java.util.stream.Collectors.toSet());
        Map<UUID, Integer> mine = new java.util.LinkedHashMap<>();
        all.forEach((runId, position) -> {
            if (students.contains(runId)) {
                mine.put(runId, position);
            }
        });
        return mine;
    }

    /** Number of runs waiting in the shared queue, all users together. */
    @Transactional(readOnly = true)
    public int queueLength() {
        return runs.queued().size();
    }
}
