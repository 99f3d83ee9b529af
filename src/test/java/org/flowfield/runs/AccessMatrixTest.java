package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.questions.QuestionService;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who sees a run, on every service surface: its owner, a member of the class it is shared
 * with, the class's instructor, an outsider, the holder of its share link, and the holder of a
 * link that was revoked. Whoever may not see a run gets exactly the answer a missing run gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/access-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class AccessMatrixTest {

    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired RunSharingService sharing;
    @Autowired ClassroomService classrooms;
    @Autowired ClassroomRunsService classroomRuns;
    @Autowired QuestionService questions;
    @Autowired RunUpdates updates;
    @Autowired RunDeletion deletion;
    @Autowired org.flowfield.compare.CompareService compare;

    UUID owner;
    UUID classmate;
    UUID instructor;
    UUID outsider;
    UUID linkHolder;
    UUID revokedHolder;
    Classroom classroom;

    private UUID account(String role) {
        return accounts.signUp(role + "-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
    }

    @BeforeEach
    void people() {
        owner = account("owner");
        classmate = account("classmate");
        instructor = account("instructor");
        outsider = account("outsider");
        linkHolder = account("holder");
        revokedHolder = account("revoked");
        classroom = classrooms.create(instructor, "Flow models");
        classrooms.join(owner, classroom.inviteCode());
        classrooms.join(classmate, classroom.inviteCode().toLowerCase().replace("-", " "));
    }

    @Autowired org.springframework.context.ApplicationContext context;

    /** A finished run of the owner's: a copy of the reference normalizing flow, files and all. */
    private Run finishedRunOfOwner(String name) {
        return FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, name);
    }

    /** Every service surface that shows a run, as a call that returns something or throws. */
    private Map<String, BiFunction<UUID, UUID, Object>> surfaces() {
        Map<String, BiFunction<UUID, UUID, Object>> surfaces = new LinkedHashMap<>();
        surfaces.put("find", (viewer, id) -> runs.find(viewer, id).orElseThrow(() -> new RunNotFoundException(id)));
        surfaces.put("history", runs::history);
        surfaces.put("batch losses", runs::batchLosses);
        surfaces.put("snapshot", (viewer, id) -> runs.snapshot(viewer, id, 0));
        surfaces.put("final model", runs::finalCheckpoint);
        surfaces.put("live updates", (viewer, id) -> {
            runs.watch(viewer, id, update -> {}).close();
            return "watching";
        });
        surfaces.put("question", (viewer, id) -> questions.layerTrajectories(viewer, id, null).join());
        surfaces.put("fork", sharing::forkSettings);
        return surfaces;
    }

    private void assertSees(UUID viewer, Run run, String who) {
        surfaces().forEach((surface, call) -> assertThat(call.apply(viewer, run.id())).as(who + " on " + surface).isNotNull());
    }

    private void assertAnswersLikeAMissingRun(UUID viewer, Run run, String who) {
        UUID missing = UUID.randomUUID();
        surfaces().forEach((surface, call) -> {
            Throwable hidden = catchThrowable(() -> call.apply(viewer, run.id()));
            Throwable absent = catchThrowable(() -> call.apply(viewer, missing));
            assertThat(hidden).as(who + " on " + surface).isInstanceOf(RunNotFoundException.class);
            assertThat(absent).as("a missing run on " + surface).isInstanceOf(RunNotFoundException.class);
            assertThat(hidden.getMessage().replace(run.id().toString(), "ID"))
                    .as(who + " on " + surface).isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        });
    }

    @Test
    void aRunSharedWithAClassIsSeenByItsOwnerItsMembersAndItsInstructorOnly() {
        Run run = finishedRunOfOwner("shared with the class");
        assertAnswersLikeAMissingRun(classmate, run, "a classmate before sharing");

        sharing.shareWithClassroom(owner, run.id(), classroom.id());

        assertSees(owner, run, "the owner");
        assertSees(classmate, run, "a classmate");
        assertSees(instructor, run, "the instructor, a member of the class");
        assertAnswersLikeAMissingRun(outsider, run, "an outsider");
        assertThat(gallery(classmate)).extracting(Run::id).containsExactly(run.id());
        assertThat(runs.listSharedWithMe(classmate)).extracting(Run::id).contains(run.id());
        assertThat(runs.listSharedWithMe(outsider)).extracting(Run::id).doesNotContain(run.id());
        assertThatThrownBy(() -> gallery(outsider)).isInstanceOf(ClassroomNotFoundException.class);
        assertThatThrownBy(() -> classroomRuns.queue(classmate, classroom.id())).isInstanceOf(ClassroomNotFoundException.class);
        assertThatThrownBy(() -> sharing.makePrivate(classmate, run.id())).isInstanceOf(NotRunOwnerException.class);
        assertThatThrownBy(() -> sharing.shareWithClassroom(outsider, run.id(), classroom.id()))
                .isInstanceOf(RunNotFoundException.class);

        sharing.makePrivate(owner, run.id());

        assertAnswersLikeAMissingRun(classmate, run, "a classmate after it was made private");
        assertThat(gallery(classmate)).isEmpty();
        assertAnswersLikeAMissingRun(instructor, run, "the instructor, once the run is private");
        assertThat(runs.listVisible(instructor, 0, Paging.PAGE_SIZE)).extracting(Run::id).doesNotContain(run.id());
    }

    private List<Run> gallery(UUID viewer) {
        return classroomRuns.gallery(viewer, classroom.id(), GalleryOrder.HELD_OUT_NLL, true, 0, Paging.PAGE_SIZE);
    }

    @Test
    void onlyItsOwnerDeletesARunAndEveryoneElseIsAnsweredAsIfItWereMissing() {
        Run run = finishedRunOfOwner("to be deleted");
        sharing.shareWithClassroom(owner, run.id(), classroom.id());
        sharing.openLink(linkHolder, sharing.shareByLink(owner, run.id()).token());
        sharing.shareWithClassroom(owner, run.id(), classroom.id());
        UUID missing = UUID.randomUUID();
        for (UUID someoneElse : List.of(classmate, instructor, outsider, linkHolder, AccountService.REFERENCE_ACCOUNT_ID)) {
            Throwable hidden = catchThrowable(() -> deletion.delete(someoneElse, run.id()));
            Throwable absent = catchThrowable(() -> deletion.delete(someoneElse, missing));
            assertThat(hidden).isInstanceOf(RunNotFoundException.class);
            assertThat(hidden.getMessage().replace(run.id().toString(), "ID")).isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        }
        Run reference = runs.listReference().getFirst();
        assertThatThrownBy(() -> deletion.delete(owner, reference.id())).isInstanceOf(RunNotFoundException.class);
        assertThat(runs.find(owner, reference.id())).isPresent();
        assertSees(classmate, run, "a classmate, after the others' attempts");

        deletion.delete(owner, run.id());

        assertAnswersLikeAMissingRun(owner, run, "its owner, after deleting it");
        assertAnswersLikeAMissingRun(classmate, run, "a classmate, after it was deleted");
        assertThatThrownBy(() -> deletion.delete(owner, run.id())).isInstanceOf(RunNotFoundException.class);
    }

    /** A class's own surfaces (the gallery, its size, the queue, leaving, removing, a new invite code) answer like a missing class. */
    private void assertClassAnswersLikeAMissingOne(UUID viewer, String who, boolean member) {
        UUID missing = UUID.randomUUID();
        Map<String, BiFunction<UUID, UUID, Object>> surfaces = new LinkedHashMap<>();
        if (!member) {
            surfaces.put("gallery", (caller, id) -> classroomRuns.gallery(caller, id, GalleryOrder.CREATED, false, 0, Paging.PAGE_SIZE));
            surfaces.put("gallery size", classroomRuns::gallerySize);
            surfaces.put("members", classrooms::members);
            surfaces.put("leave", (caller, id) -> {
                classrooms.leave(caller, id);
                return "left";
            });
        }
        surfaces.put("queue", classroomRuns::queue);
        surfaces.put("remove a member", (caller, id) -> {
            classrooms.removeMember(caller, id, classmate);
            return "removed";
        });
        surfaces.put("new invite code", classrooms::changeInviteCode);
        surfaces.forEach((surface, call) -> {
            Throwable hidden = catchThrowable(() -> call.apply(viewer, classroom.id()));
            Throwable absent = catchThrowable(() -> call.apply(viewer, missing));
            assertThat(hidden).as(who + " on " + surface).isInstanceOf(ClassroomNotFoundException.class);
            assertThat(hidden.getMessage().replace(classroom.id().toString(), "ID")).as(who + " on " + surface)
                    .isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        });
    }

    @Test
    void onlyTheInstructorRemovesMembersChangesTheCodeAndSeesTheQueueAndOnlyMembersLeave() {
        String code = classroom.inviteCode();
        assertClassAnswersLikeAMissingOne(outsider, "an outsider", false);
        assertClassAnswersLikeAMissingOne(classmate, "a student", true);
        assertClassAnswersLikeAMissingOne(owner, "another student", true);
        assertThat(classrooms.members(instructor, classroom.id())).extracting(member -> member.accountId())
                .containsExactly(instructor, owner, classmate);
        assertThat(classrooms.find(instructor, classroom.id()).inviteCode()).isEqualTo(code);
        assertThatThrownBy(() -> classrooms.leave(instructor, classroom.id()))
                .hasMessage("You teach this class: its instructor cannot leave it.");
        assertThatThrownBy(() -> classrooms.removeMember(instructor, classroom.id(), instructor))
                .hasMessage("That account is not a student of this class.");
        assertThatThrownBy(() -> classrooms.removeMember(instructor, classroom.id(), outsider))
                .hasMessage("That account is not a student of this class.");
    }

    @Test
    void aComparisonStopsFollowingARunWhoseLinkIsRevokedAndAnswersRevokedRunsLikeMissingOnes() {
        Run run = finishedRunOfOwner("compared by link");
        Run reference = runs.listReference().getFirst();
        sharing.openLink(linkHolder, sharing.shareByLink(owner, run.id()).token());
        List<String> lost = new ArrayList<>();
        try (var watching = compare.watchAccess(linkHolder, List.of(run.id(), reference.id()), () -> lost.add("lost"))) {
            assertThat(lost).isEmpty();

            sharing.makePrivate(owner, run.id());

            assertThat(lost).containsExactly("lost");
        }
        UUID missing = UUID.randomUUID();
        Throwable hidden = catchThrowable(() -> compare.watchAccess(linkHolder, List.of(run.id(), reference.id()), () -> {}));
        Throwable absent = catchThrowable(() -> compare.watchAccess(linkHolder, List.of(missing, reference.id()), () -> {}));
        assertThat(hidden).isInstanceOf(RunNotFoundException.class);
        assertThat(hidden.getMessage().replace(run.id().toString(), "ID")).isEqualTo(absent.getMessage().replace(missing.toString(), "ID"));
        assertThat(updates.watchers(run.id())).isZero();
    }

    @Test
    void leavingTheClassWithdrawsWhatTheMemberSharedAndClosesTheirViewOfTheOthers() {
        Run mine = finishedRunOfOwner("the owner's, shared");
        Run theirs = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, classmate, "the classmate's, shared");
        sharing.shareWithClassroom(owner, mine.id(), classroom.id());
        sharing.shareWithClassroom(classmate, theirs.id(), classroom.id());
        List<RunUpdate> classmateSaw = new ArrayList<>();
        List<RunUpdate> ownerSaw = new ArrayList<>();
        runs.watch(classmate, mine.id(), classmateSaw::add);
        runs.watch(owner, theirs.id(), ownerSaw::add);

        classrooms.leave(owner, classroom.id());

        assertThat(sharing.sharing(owner, mine.id()).mode()).isEqualTo(Sharing.PRIVATE);
        assertThat(classmateSaw).containsExactly(new RunUpdate.AccessLost(mine.id()));
        assertThat(ownerSaw).containsExactly(new RunUpdate.AccessLost(theirs.id()));
        assertAnswersLikeAMissingRun(classmate, mine, "a classmate, once the owner left");
        assertAnswersLikeAMissingRun(owner, theirs, "the one who left, on a classmate's run");
        assertAnswersLikeAMissingRun(instructor, mine, "the instructor, once the owner left");
        assertThat(gallery(classmate)).extracting(Run::id).containsExactly(theirs.id());
        assertThatThrownBy(() -> gallery(owner)).isInstanceOf(ClassroomNotFoundException.class);
    }

    @Test
    void removalWithdrawsTheStudentsSharedRunsAndANewInviteCodeRetiresTheOldOne() {
        Run shared = finishedRunOfOwner("shared, then removed");
        sharing.shareWithClassroom(owner, shared.id(), classroom.id());
        String oldCode = classroom.inviteCode();

        classrooms.removeMember(instructor, classroom.id(), owner);
        Classroom changed = classrooms.changeInviteCode(instructor, classroom.id());

        assertThat(sharing.sharing(owner, shared.id()).mode()).isEqualTo(Sharing.PRIVATE);
        assertAnswersLikeAMissingRun(classmate, shared, "a classmate, once the owner was removed");
        assertThat(classrooms.members(instructor, classroom.id())).extracting(member -> member.accountId())
                .containsExactly(instructor, classmate);
        assertThat(changed.inviteCode()).isNotEqualTo(oldCode).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        assertThatThrownBy(() -> classrooms.join(owner, oldCode)).isInstanceOf(org.flowfield.classrooms.InvalidClassroomException.class);
        assertThat(classrooms.join(owner, changed.inviteCode()).id()).isEqualTo(classroom.id());
        assertThat(sharing.sharing(owner, shared.id()).mode()).as("joining again shares nothing by itself").isEqualTo(Sharing.PRIVATE);
    }

    @Test
    void aShareLinkLetsItsHoldersSeeTheRunUntilItIsRevoked() {
        Run run = finishedRunOfOwner("shared by link");
        RunSharing first = sharing.shareByLink(owner, run.id());
        assertThat(first.token()).hasSizeGreaterThanOrEqualTo(43);
        assertAnswersLikeAMissingRun(linkHolder, run, "someone who has not opened the link");

        assertThat(sharing.openLink(linkHolder, first.token()).id()).isEqualTo(run.id());
        assertThat(sharing.openLink(revokedHolder, first.token()).id()).isEqualTo(run.id());
        assertSees(linkHolder, run, "a link holder");
        assertSees(revokedHolder, run, "a link holder");
        assertAnswersLikeAMissingRun(outsider, run, "an outsider");
        assertAnswersLikeAMissingRun(classmate, run, "a classmate (the run is not shared with the class)");

        RunSharing second = sharing.shareByLink(owner, run.id());
        assertThat(second.token()).isNotEqualTo(first.token());
        sharing.openLink(linkHolder, second.token());

        assertSees(linkHolder, run, "the holder of the new link");
        assertAnswersLikeAMissingRun(revokedHolder, run, "the holder of the revoked link");
        Throwable revoked = catchThrowable(() -> sharing.openLink(revokedHolder, first.token()));
        Throwable unknown = catchThrowable(() -> sharing.openLink(revokedHolder, "no-such-link"));
        assertThat(revoked).isInstanceOf(RunNotFoundException.class).hasMessage(unknown.getMessage());

        sharing.makePrivate(owner, run.id());
        assertAnswersLikeAMissingRun(linkHolder, run, "a link holder after the link was revoked");
        assertThatThrownBy(() -> sharing.openLink(linkHolder, second.token())).isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void revokingALinkStopsItsHoldersLiveUpdatesButNotTheOwners() {
        Run run = finishedRunOfOwner("watched by link");
        RunSharing link = sharing.shareByLink(owner, run.id());
        sharing.openLink(linkHolder, link.token());
        List<RunUpdate> holderSaw = new ArrayList<>();
        List<RunUpdate> ownerSaw = new ArrayList<>();
        runs.watch(linkHolder, run.id(), holderSaw::add);
        runs.watch(owner, run.id(), ownerSaw::add);
        updates.publish(new RunUpdate.StatusChanged(run.id()));
        assertThat(holderSaw).hasSize(1);

        sharing.makePrivate(owner, run.id());
        updates.publish(new RunUpdate.StatusChanged(run.id()));

        assertThat(holderSaw).containsExactly(new RunUpdate.StatusChanged(run.id()), new RunUpdate.AccessLost(run.id()));
        assertThat(ownerSaw).containsExactly(new RunUpdate.StatusChanged(run.id()), new RunUpdate.StatusChanged(run.id()));
        assertThat(updates.watchers(run.id())).isEqualTo(1);
    }

    @Test
    void aForkCopiesEverySettingUnderANewName() {
        Run run = finishedRunOfOwner("<b>original</b>");
        sharing.shareWithClassroom(owner, run.id(), classroom.id());

        var fork = sharing.forkSettings(classmate, run.id());
        Run queued = runs.queue(classmate, fork);

        assertThat(fork.getName()).isEqualTo("Fork of <b>original</b>");
        assertThat(queued.ownerId()).isEqualTo(classmate);
        // every setting a user chooses; progress is reported as often as for any run queued from the app
        assertThat(queued.config()).isEqualTo(run.config().withReportEvery(org.flowfield.training.TrainingConfig.DEFAULT_REPORT_EVERY));
        assertThat(runs.find(owner, queued.id())).isEmpty();
    }

    @Test
    void classesAreJoinedOnlyWithTheirInviteCodeAndNamedSensibly() {
        assertThatThrownBy(() -> classrooms.join(outsider, "AAAA-BBBB-CCCC-DDDD"))
                .hasMessage("No class has this invite code.");
        assertThatThrownBy(() -> classrooms.join(outsider, "A".repeat(1024 * 1024)))
                .hasMessage("An invite code has at most " + ClassroomService.MAX_INVITE_CODE_LENGTH + " characters.");
        assertThatThrownBy(() -> classrooms.create(outsider, "   ")).hasMessage("Class name must not be blank");
        assertThatThrownBy(() -> classrooms.create(outsider, "x".repeat(81))).hasMessage("Class name must be at most 80 characters; this one has 81");
        assertThatThrownBy(() -> classrooms.find(outsider, classroom.id())).isInstanceOf(ClassroomNotFoundException.class);
        assertThat(classroom.inviteCode()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        assertThat(classrooms.members(instructor, classroom.id())).extracting(member -> member.accountId())
                .containsExactly(instructor, owner, classmate);
        classrooms.join(classmate, classroom.inviteCode());
        assertThat(classrooms.members(classmate, classroom.id())).hasSize(3);
        assertThat(classrooms.listMine(classmate)).extracting(Classroom::id).containsExactly(classroom.id());
    }
}
