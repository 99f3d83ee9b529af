package org.flowfield.classrooms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.springframework.context.ApplicationEventPublisher;
import org.flowfield.text.DisplayNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes: creating one (its creator becomes the instructor and its first member), joining with
 * an invite code, leaving, removing members, changing the invite code, and reading a class one is
 * in. A class the caller is not in (or, for the instructor's actions, does not teach) answers
 * exactly like one that does not exist. Ending a membership publishes {@link MembershipEnded} in
 * the same transaction, which withdraws what the member shared with the class.
 */
@Service
public class ClassroomService {

    /** Longest class name, in UTF-16 code units: the width of {@code classroom.name} (see {@link DisplayNames}). */
    public static final int MAX_NAME_LENGTH = 80;

    /**
     * The longest invite code taken as typed, spaces and dashes included: a code is {@value
     * InviteCodes#LENGTH} characters in groups of four, with room to spare for spaces.
     */
    public static final int MAX_INVITE_CODE_LENGTH = 32;

    /** How messages about a class name begin. */
    public static final String NAME_LABEL = "Class name";

    private final ClassroomRepository classrooms;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassroomService(ClassroomRepository classrooms, AccountService accounts, ApplicationEventPublisher events, Clock clock) {
        this.classrooms = classrooms;
        this.accounts = accounts;
        this.events = events;
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
     * The class an invite code opens and who teaches it, for the join form to show before joining
     * (with {@link WhatTheInstructorSees}).
     *
     * @throws InvalidClassroomException when no class has the code
     */
    @Transactional(readOnly = true)
    public InviteDetails inviteDetails(String inviteCode) {
        Classroom classroom = withInviteCode(inviteCode);
        String instructor = accounts.findById(classroom.instructorId()).map(Account::username).orElse("?");
        return new InviteDetails(classroom.inviteCode(), classroom.name(), instructor);
    }

    /**
     * Takes the member out of the class; the runs it shared with the class become private.
     *
     * @throws ClassroomNotFoundException when the member is not in the class
     * @throws InvalidClassroomException when the member is the class's instructor, who cannot leave
     */
    @Transactional
    public void leave(UUID memberId, UUID classroomId) {
        Classroom classroom = classrooms.lock(classroomId).filter(c -> classrooms.findForMember(classroomId, memberId).isPresent())
                .orElseThrow(() -> new ClassroomNotFoundException(classroomId));
        if (classroom.instructedBy(memberId)) {
            throw new InvalidClassroomException("You teach this class: its instructor cannot leave it.");
        }
        endMembership(classroomId, memberId);
    }

    /**
     * The instructor takes a student out of the class; the runs the student shared with the class
     * become private.
     *
     * @throws ClassroomNotFoundException when the caller does not teach the class
     * @throws InvalidClassroomException when the account is not a student of the class (the
     *     instructor included)
     */
    @Transactional
    public void removeMember(UUID instructorId, UUID classroomId, UUID memberId) {
        Classroom classroom = lockInstructed(instructorId, classroomId);
        if (classroom.instructedBy(memberId) || classrooms.findForMember(classroomId, memberId).isEmpty()) {
            throw new InvalidClassroomException("That account is not a student of this class.");
        }
        endMembership(classroomId, memberId);
    }

    /**
     * Gives the class a fresh invite code; the old one no longer lets anyone join. Members stay.
     *
     * @throws ClassroomNotFoundException when the caller does not teach the class
     */
    @Transactional
    public Classroom changeInviteCode(UUID instructorId, UUID classroomId) {
        Classroom classroom = lockInstructed(instructorId, classroomId);
        String code = InviteCodes.next();
        classrooms.changeInviteCode(classroomId, code);
        return new Classroom(classroom.id(), classroom.name(), classroom.instructorId(), code, classroom.createdAt());
    }

    /**
     * Deletes a class its instructor's account is deleting with: every membership ends (withdrawing
     * what members shared), then the class goes. For {@link ClassroomsOfDeletedAccount} only.
     */
    void close(Classroom classroom) {
        for (ClassroomMember member : classrooms.members(classroom.id())) {
            endMembership(classroom.id(), member.accountId());
        }
        events.publishEvent(new ClassroomClosing(classroom.id()));
        classrooms.delete(classroom.id());
    }

    /** Ends a membership, if there is one, and tells the features that withdraw what the member shared. */
    void endMembership(UUID classroomId, UUID memberId) {
        if (classrooms.removeMember(classroomId, memberId)) {
            events.publishEvent(new MembershipEnded(classroomId, memberId));
        }
    }

    private Classroom lockInstructed(UUID instructorId, UUID classroomId) {
        return classrooms.lock(classroomId)
                .filter(c -> c.instructedBy(instructorId))
                .orElseThrow(() -> new ClassroomNotFoundException(classroomId));
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
