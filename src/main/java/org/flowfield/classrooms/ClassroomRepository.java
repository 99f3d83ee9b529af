package org.flowfield.classrooms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClassroomRepository {

    private static final String COLUMNS = "c.id, c.name, c.instructor_id, c.invite_code, c.created_at";

    private final JdbcClient jdbc;

    ClassroomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Classroom classroom) {
        jdbc.sql("insert into classroom (id, name, instructor_id, invite_code, created_at) values (?, ?, ?, ?, ?)")
                .params(classroom.id(), classroom.name(), classroom.instructorId(), classroom.inviteCode(),
                        Timestamp.from(classroom.createdAt()))
                .update();
    }

    /** Adds a member; false when the account was already in the class. */
    boolean addMember(UUID classroomId, UUID accountId, Instant at) {
        return jdbc.sql("insert into classroom_member (classroom_id, account_id, joined_at) "
                        + "select ?, ?, ? where not exists (select 1 from classroom_member where classroom_id = ? and account_id = ?)")
                .params(classroomId, accountId, Timestamp.from(at), classroomId, accountId)
                .update() == 1;
    }

    Optional<Classroom> findByInviteCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from classroom c where c.invite_code = ?").param(code)
                .query(ClassroomRepository::map).optional();
    }

    /** The class if the account is in it (members include the instructor). */
    Optional<Classroom> findForMember(UUID classroomId, UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from classroom c join classroom_member m on m.classroom_id = c.id "
                        + "where c.id = ? and m.account_id = ?")
                .params(classroomId, accountId)
                .query(ClassroomRepository::map)
                .optional();
    }

    List<Classroom> listForMember(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from classroom c join classroom_member m on m.classroom_id = c.id "
                        + "where m.account_id = ? order by c.created_at desc, c.id")
                .param(accountId)
                .query(ClassroomRepository::map)
                .list();
    }

    List<ClassroomMember> members(UUID classroomId) {
        return jdbc.sql("select m.account_id, a.username, c.instructor_id = m.account_id as instructor, m.joined_at "
                        + "from classroom_member m join account a on a.id = m.account_id join classroom c on c.id = m.classroom_id "
                        + "where m.classroom_id = ? order by m.joined_at, a.username")
                .param(classroomId)
                .query((row, i) -> new ClassroomMember(row.getObject("account_id", UUID.class), row.getString("username"),
                        row.getBoolean("instructor"), row.getTimestamp("joined_at").toInstant()))
                .list();
    }

    /** Takes the member out of the class; false when it was not in it. */
    boolean removeMember(UUID classroomId, UUID accountId) {
        return jdbc.sql("delete from classroom_member where classroom_id = ? and account_id = ?")
                .params(classroomId, accountId)
                .update() == 1;
    }

    void changeInviteCode(UUID classroomId, String code) {
        jdbc.sql("update classroom set invite_code = ? where id = ?").params(code, classroomId).update();
    }

    /** Deletes the class and its memberships. */
    void delete(UUID classroomId) {
        jdbc.sql("delete from classroom_member where classroom_id = ?").param(classroomId).update();
        jdbc.sql("delete from classroom where id = ?").param(classroomId).update();
    }

    /** Takes the class's row lock, so that changes to one class happen one after another. */
    Optional<Classroom> lock(UUID classroomId) {
        return jdbc.sql("select " + COLUMNS + " from classroom c where c.id = ? for update").param(classroomId)
                .query(ClassroomRepository::map).optional();
    }

    private static Classroom map(ResultSet row, int index) throws SQLException {
        return new Classroom(row.getObject("id", UUID.class), row.getString("name"), row.getObject("instructor_id", UUID.class),
                row.getString("invite_code"), row.getTimestamp("created_at").toInstant());
    }
}
