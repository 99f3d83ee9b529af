package org.flowfield.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.queue.QueuePosition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs of a class: the gallery of runs shared with it (for its members, its instructor
 * included), and for its instructor the students' waiting and training runs in the shared queue,
 * of which a run not shared with the class shows only its owner, status and place. A class the
 * caller is not in (or, for the queue, does not teach) answers like one that does not exist.
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
     * A page of the runs shared with the class, at most {@link Paging#PAGE_SIZE}; runs without the
     * figure sorted by come last.
     *
     * @throws ClassroomNotFoundException when the viewer is not in the class
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    @Transactional(readOnly = true)
    public List<Run> gallery(UUID viewerId, UUID classroomId, GalleryOrder order, boolean ascending, int offset, int limit) {
        int size = Paging.limit(offset, limit);
        classrooms.find(viewerId, classroomId);
        return runs.listSharedWithClassroom(classroomId, order, ascending, offset, size);
    }

    /**
     * How many runs are shared with the class.
     *
     * @throws ClassroomNotFoundException when the viewer is not in the class
     */
    @Transactional(readOnly = true)
    public int gallerySize(UUID viewerId, UUID classroomId) {
        classrooms.find(viewerId, classroomId);
        return Math.toIntExact(runs.countSharedWithClassroom(classroomId));
    }

    /**
     * The students' runs that train or wait in the shared queue: training ones first (by pack),
     * then the waiting ones by their place (1 starts next). A run not shared with the class shows
     * only its owner, status and place.
     *
     * @throws ClassroomNotFoundException when the viewer does not teach the class
     */
    @Transactional(readOnly = true)
    public List<ClassQueueEntry> queue(UUID instructorId, UUID classroomId) {
        Classroom classroom = classrooms.findInstructed(instructorId, classroomId);
        Map<UUID, Integer> places = QueuePosition.positions(runs.queued(), runs.lastStartedByOwner());
        List<Run> waiting = new ArrayList<>(runs.listWaitingOfClassroomStudents(classroomId));
        waiting.sort(Comparator.comparing((Run run) -> run.status() == RunStatus.QUEUED)
                .thenComparing(run -> run.packId() == null ? "" : run.packId().toString())
                .thenComparing(run -> places.getOrDefault(run.id(), 0)));
        Map<UUID, Integer> packs = new LinkedHashMap<>();
        List<ClassQueueEntry> entries = new ArrayList<>();
        for (Run run : waiting) {
            int pack = run.packId() == null ? 0 : packs.computeIfAbsent(run.packId(), id -> packs.size() + 1);
            int place = run.status() == RunStatus.QUEUED ? places.getOrDefault(run.id(), 0) : 0;
            boolean shared = classroom.id().equals(runs.sharing(run.id()).map(RunSharing::classroomId).orElse(null));
            entries.add(new ClassQueueEntry(run.ownerId(), run.status() == RunStatus.RUNNING, place, run.statusLabel(), pack, run.whereItTrains(), shared ? run : null));
        }
        return entries;
    }

    /** Number of runs waiting in the shared queue, all users together. */
    @Transactional(readOnly = true)
    public int queueLength() {
        return runs.queued().size();
    }
}
