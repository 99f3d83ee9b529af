package org.flowfield.classrooms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flowfield.text.DisplayNames;
import org.flowfield.text.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes: creating one (its creator becomes the instructor and its first member), joining with
 * an invite code, and reading a class one is in. A class the caller is not in answers exactly
 * like one that does not exist.
 */
@Service
public class ClassroomService {

    /** Longest class name, in UTF-16 code units: the width of {@code classroom.name} (see {@link DisplayNames}). */
    public static final int MAX_NAME_LENGTH = 80;

    /** How messages about a class name begin. */
    public static final String NAME_LABEL = "Class name";

    private final ClassroomRepository classrooms;
    private final Clock clock;

    ClassroomService(ClassroomRepository classrooms, Clock clock) {
        this.classrooms = classrooms;
        this.clock = clock;
    }

    /**
     * Creates a class with a fresh invite code, its name in {@linkplain DisplayNames#normalize normal form}.
     *
     * @throws InvalidClassroomException when the name breaks the rules of {@link DisplayNames}, at
     *     most {@value #MAX_NAME_LENGTH} long
     */
    @Transactional
    public Classroom create(UUID instructorId, String name) {
        DisplayNames.problem(NAME_LABEL, name, MAX_NAME_LENGTH).ifPresent(problem -> {
            throw new InvalidClassroomException(problem);
        });
        Classroom classroom = new Classroom(UUID.randomUUID(), DisplayNames.normalize(name), instructorId, InviteCodes.next(),
                clock.instant());
        classrooms.insert(classroom);
        classrooms.addMember(classroom.id(), instructorId, classroom.createdAt());
        return classroom;
    }

    /**
     * Joins the class with this invite code (typed in any case, with or without dashes); joining
     * a class one is already in changes nothing.
     *
     * @throws InvalidClassroomException when no class has the code
     */
    @Transactional
    public Classroom join(UUID accountId, String inviteCode) {
        String code = InviteCodes.normalise(inviteCode);
        Classroom classroom = classrooms.findByInviteCode(code)
                .orElseThrow(() -> new InvalidClassroomException("No class has the invite code “" + TypedText.excerpt(code) + "”."));
        classrooms.addMember(classroom.id(), accountId, clock.instant());
        return classroom;
    }

    /**
     * The class, if the viewer is in it.
     *
     * @throws ClassroomNotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public Classroom find(UUID viewerId, UUID classroomId) {
        return classrooms.findForMember(classroomId, viewerId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
    }

    /** Whether the viewer is in the class (the instructor is). */
    @Transactional(readOnly = true)
    public boolean isMember(UUID viewerId, UUID classroomId) {
        return classrooms.findForMember(classroomId, viewerId).isPresent();
    }

    /** The classes the viewer is in, newest first. */
    @Transactional(readOnly = true)
    public List<Classroom> listMine(UUID viewerId) {
        return classrooms.listForMember(viewerId);
    }

    /**
     * The members of a class the viewer is in.
     *
     * @throws ClassroomNotFoundException when the viewer is not in it
     */
    @Transactional(readOnly = true)
    public List<ClassroomMember> members(UUID viewerId, UUID classroomId) {
        find(viewerId, classroomId);
        return classrooms.members(classroomId);
    }

    /**
     * The class, if the viewer is its instructor.
     *
     * @throws ClassroomNotFoundException when the viewer is not in it, or only a student there
     */
    @Transactional(readOnly = true)
    public Classroom findInstructed(UUID viewerId, UUID classroomId) {
        Classroom classroom = find(viewerId, classroomId);
        if (!classroom.instructedBy(viewerId)) {
            throw new ClassroomNotFoundException(classroomId);
        }
        return classroom;
    }
}
