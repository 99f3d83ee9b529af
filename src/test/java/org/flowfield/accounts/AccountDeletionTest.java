package org.flowfield.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.runs.FinishedRuns;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.Sharing;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deleting an account takes everything it owns, only with its password; the classes it created close. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/privacy-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4",
    "flowfield.runs.max-stored-per-account=3"
})
class AccountDeletionTest {

    static final String PASSWORD = "a long password";

    @Autowired AccountService accounts;
    @Autowired AccountDeletion deletion;
    @Autowired ClassroomService classrooms;
    @Autowired RunService runs;
    @Autowired RunSharingService sharing;
    @Autowired ChosenPointsService chosenPoints;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    String aliceName;
    UUID alice;
    UUID bob;
    UUID carol;
    Classroom alicesClass;
    Classroom carolsClass;
    Run alicesFinished;
    Run alicesQueued;
    Run alicesSharedWithCarol;
    Run bobsShared;
    Run carolsLinked;

    @BeforeEach
    void world() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        aliceName = "alice-" + suffix;
        alice = accounts.signUp(aliceName, PASSWORD).id();
        bob = accounts.signUp("bob-" + suffix, PASSWORD).id();
        carol = accounts.signUp("carol-" + suffix, PASSWORD).id();
        alicesClass = classrooms.create(alice, "Alice's class");
        carolsClass = classrooms.create(carol, "Carol's class");
        classrooms.join(bob, alicesClass.inviteCode());
        classrooms.join(alice, carolsClass.inviteCode());
        alicesFinished = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, alice, "alice's finished");
        alicesSharedWithCarol = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, alice, "alice's, in carol's class");
        alicesQueued = runs.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        sharing.shareWithClassroom(alice, alicesSharedWithCarol.id(), carolsClass.id());
        bobsShared = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, bob, "bob's, in alice's class");
        sharing.shareWithClassroom(bob, bobsShared.id(), alicesClass.id());
        carolsLinked = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, carol, "carol's, by link");
        sharing.openLink(alice, sharing.shareByLink(carol, carolsLinked.id()).token());
        chosenPoints.save(alice, new float[] {0.5f, -0.5f});
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private long owned(UUID account) {
        return count("select count(*) from account where id = ?", account) + count("select count(*) from run where owner_id = ?", account)
                + count("select count(*) from classroom where instructor_id = ?", account)
                + count("select count(*) from classroom_member where account_id = ?", account)
                + count("select count(*) from chosen_point where account_id = ?", account)
                + count("select count(*) from run_link_grant where account_id = ?", account);
    }

    private Path folder(Run run) {
        return FinishedRuns.folder(context, run.id());
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        long before = owned(alice);

        assertThatThrownBy(() -> deletion.delete(alice, "not my password"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("That is not your password; your account was not deleted.");
        assertThatThrownBy(() -> deletion.delete(alice, null)).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> deletion.delete(AccountService.REFERENCE_ACCOUNT_ID, ""))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(owned(alice)).isEqualTo(before).isEqualTo(1 + 3 + 1 + 2 + 1 + 1);
        assertThat(folder(alicesFinished)).exists();
    }

    @Test
    void everythingTheAccountOwnedGoesAndTheClassItCreatedClosesWhileItsStudentsKeepTheirRuns() {
        deletion.delete(alice, PASSWORD);

        assertThat(owned(alice)).isZero();
        assertThat(accounts.findById(alice)).isEmpty();
        for (Run run : List.of(alicesFinished, alicesQueued, alicesSharedWithCarol)) {
            assertThat(count("select count(*) from run where id = ?", run.id())).isZero();
            assertThat(folder(run)).doesNotExist();
        }
        assertThat(count("select count(*) from classroom where id = ?", alicesClass.id())).isZero();
        assertThatThrownBy(() -> classrooms.find(bob, alicesClass.id())).isInstanceOf(ClassroomNotFoundException.class);
        assertThat(runs.find(bob, bobsShared.id())).as("bob keeps his run").isPresent();
        assertThat(sharing.sharing(bob, bobsShared.id()).mode()).as("no longer shared with a class that is gone").isEqualTo(Sharing.PRIVATE);
        assertThat(folder(bobsShared)).exists();
        assertThat(classrooms.members(carol, carolsClass.id())).extracting(member -> member.accountId()).containsExactly(carol);
        assertThat(runs.find(carol, carolsLinked.id())).isPresent();
        assertThat(accounts.signUp(aliceName, PASSWORD).id()).as("the username is free again").isNotEqualTo(alice);
    }
}
