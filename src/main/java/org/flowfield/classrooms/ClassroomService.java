package org.flowfield.classrooms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes: creating one (its creator becomes the instructor and its first member), joining with
 * an invite code, and reading a class one is in. A class the caller is not in answers exactly
 * like one that does not exist.
 */
@Service
public class ClassroomService {

    public static final int MAX_NAME_LENGTH = 80;

    /**
     * The longest invite code taken as typed, spaces and dashes included: a code is {@value
     * InviteCodes#LENGTH} characters in groups of four, with room to spare for spaces.
     */
    public static final int MAX_INVITE_CODE_LENGTH = 32;

    private final ClassroomRepository classrooms;
    private final Clock clock;

    ClassroomService(ClassroomRepository classrooms, Clock clock) {
        this.classrooms = classrooms;
        this.clock = clock;
    }

    /**
     * Creates a class with a fresh invite code.
     *
     * @throws InvalidClassroomException when the name is blank or longer than {@value #MAX_NAME_LENGTH}
     */
    @Transactional
    public Classroom create(UUID instructorId, String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidClassroomException("Give the class a name.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidClassroomException("A class name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        Classroom classroom = new Classroom(UUID.randomUUID(), stripped, instructorId, InviteCodes.next(), clock.instant());
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
        Classroom classroom = withInviteCode(inviteCode);
        classrooms.addMember(classroom.id(), accountId, clock.instant());
        return classroom;
    }

    /**
     * The class with this invite code (typed in any case, with or without dashes). The messages
     * never repeat what was typed.
     *
     * @throws InvalidClassroomException when the code is blank, longer than {@value
     *     #MAX_INVITE_CODE_LENGTH} characters, or no class has it
     */
    @Transactional(readOnly = true)
    public Classroom withInviteCode(String inviteCode) {
        if (inviteCode == null || inviteCode.isBlank()) {
            throw new InvalidClassroomException("Enter the class's invite code.");
        }
        if (inviteCode.length() > MAX_INVITE_CODE_LENGTH) {
            throw new InvalidClassroomException("An invite code has at most " + MAX_INVITE_CODE_LENGTH + " characters.");
        }
        return classrooms.findByInviteCode(InviteCodes.normalise(inviteCode))
                .orElseThrow(() -> new InvalidClassroomException("No class has this invite code."));
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
