package org.flowfield.classrooms;

import java.util.UUID;
import org.flowfield.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens to classes when an account is deleted: it leaves every class it is a student of,
 * and every class it created is deleted, its students with it no longer in it (what they shared
 * with the class becomes private again; their runs stay theirs). A class without its instructor
 * would be a class nobody can manage, so it is closed rather than handed to a student.
 */
@Component
class ClassroomsOfDeletedAccount {

    private final ClassroomRepository classrooms;
    private final ClassroomService service;

    ClassroomsOfDeletedAccount(ClassroomRepository classrooms, ClassroomService service) {
        this.classrooms = classrooms;
        this.service = service;
    }

    @EventListener
    void accountDeleted(AccountDeleted deleted) {
        UUID account = deleted.accountId();
        for (Classroom classroom : classrooms.listForMember(account)) {
            if (classroom.instructedBy(account)) {
                service.close(classroom);
            } else {
                service.endMembership(classroom.id(), account);
            }
        }
    }
}
