package org.flowfield.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.flowfield.accounts.Account;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.gallery.ui.ClassroomView;
import org.flowfield.questions.QuestionService;
import org.flowfield.runs.ClassroomRunsService;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forged ids on every service surface that takes one, and on the pages whose address carries one:
 * another user's private run or class answers exactly like a random id (same exception, same words
 * but for the id) and changes nothing stored; a page shows "not found" for any text in its address
 * (the fork form's address: {@code NewRunViewTest}).
 */
class ForgedIdsTest extends HostileSurface {

    @Autowired
    RunService runs;

    @Autowired
    RunSharingService sharing;

    @Autowired
    ClassroomService classrooms;

    @Autowired
    ClassroomRunsService classroomRuns;

    @Autowired
    QuestionService questions;

    @Autowired
    CurrentAccount current;

    private Run theirs;
    private Classroom theirClass;
    private Run mine;
    private Classroom myClass;

    @BeforeEach
    void anotherUsersRunAndClass() {
        Account other = accounts.signUp("other-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), "a long password");
        theirs = runs.queue(other.id(), RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        theirClass = classrooms.create(other.id(), "their class");
        mine = runs.queue(me, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        myClass = classrooms.create(me, "my class");
    }

    /** A service call with the caller's forged id. */
    private record Surface(String what, BiConsumer<ForgedIdsTest, UUID> call) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> runSurfaces() {
        return Stream.of(
                new Surface("RunService.history", (t, id) -> t.runs.history(t.me, id)),
                new Surface("RunService.batchLosses", (t, id) -> t.runs.batchLosses(t.me, id)),
                new Surface("RunService.snapshot", (t, id) -> t.runs.snapshot(t.me, id, 1)),
                new Surface("RunService.finalCheckpoint", (t, id) -> t.runs.finalCheckpoint(t.me, id)),
                new Surface("RunService.cancel", (t, id) -> t.runs.cancel(t.me, id)),
                new Surface("RunService.watch", (t, id) -> t.runs.watch(t.me, id, update -> {})),
                new Surface("RunSharingService.sharing", (t, id) -> t.sharing.sharing(t.me, id)),
                new Surface("RunSharingService.makePrivate", (t, id) -> t.sharing.makePrivate(t.me, id)),
                new Surface("RunSharingService.shareByLink", (t, id) -> t.sharing.shareByLink(t.me, id)),
                new Surface("RunSharingService.shareWithClassroom", (t, id) -> t.sharing.shareWithClassroom(t.me, id, t.myClass.id())),
                new Surface("RunSharingService.forkSettings", (t, id) -> t.sharing.forkSettings(t.me, id)),
                new Surface("QuestionService.probabilityEstimate", (t, id) -> t.questions.probabilityEstimate(t.me, id, null, null)),
                new Surface("QuestionService.densityMap", (t, id) -> t.questions.densityMap(t.me, id, null)),
                new Surface("QuestionService.seedSamples", (t, id) -> t.questions.seedSamples(t.me, id, new long[] {1}, null)))
                .map(Arguments::of);
    }

    static Stream<Arguments> classSurfaces() {
        return Stream.of(
                new Surface("ClassroomService.find", (t, id) -> t.classrooms.find(t.me, id)),
                new Surface("ClassroomService.members", (t, id) -> t.classrooms.members(t.me, id)),
                new Surface("ClassroomService.findInstructed", (t, id) -> t.classrooms.findInstructed(t.me, id)),
                new Surface("ClassroomRunsService.gallery",
                        (t, id) -> t.classroomRuns.gallery(t.me, id, org.flowfield.runs.GalleryOrder.CREATED, false, 0, 10)),
                new Surface("ClassroomRunsService.gallerySize", (t, id) -> t.classroomRuns.gallerySize(t.me, id)),
                new Surface("ClassroomRunsService.queue", (t, id) -> t.classroomRuns.queue(t.me, id)),
                new Surface("RunSharingService.shareWithClassroom (a forged class)",
                        (t, id) -> t.sharing.shareWithClassroom(t.me, t.mine.id(), id)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runSurfaces")
    void anotherUsersRunAnswersLikeAMissingOneAndNothingChanges(Surface surface) {
        assertForgedIdsAnswerAlike(surface, theirs.id(), RunNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classSurfaces")
    void anotherUsersClassAnswersLikeAMissingOneAndNothingChanges(Surface surface) {
        assertForgedIdsAnswerAlike(surface, theirClass.id(), ClassroomNotFoundException.class);
    }

    static List<String> forgedAddresses() {
        return List.of("", "-1", "0", "42", "abc", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000",
                UUID.randomUUID().toString(), "../../etc/passwd", "<script>alert(1)</script>", "\u202E" + UUID.randomUUID(),
                "x".repeat(100_000), UUID.randomUUID().toString().toUpperCase() + " ", "%00");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("forgedAddresses")
    void theRunAndClassPagesSayNotFoundForAnyForgedAddress(String address) {
        RunView runPage = new RunView(runs, current);
        UI.getCurrent().add(runPage);
        runPage.show(address);
        assertThat(texts(runPage.getElement())).contains("Run not found", "There is no run with this address that you can see.");

        runPage.show(theirs.id().toString());
        assertThat(texts(runPage.getElement())).contains("Run not found").doesNotContain(theirs.name());

        ClassroomView classPage = new ClassroomView(classrooms, classroomRuns, runs, accounts, current);
        UI.getCurrent().add(classPage);
        classPage.show(address);
        assertThat(texts(classPage.getElement())).contains("Class not found");
        classPage.show(theirClass.id().toString());
        assertThat(texts(classPage.getElement())).contains("Class not found").doesNotContain("their class");

    }

    static List<String> forgedCodes() {
        return List.of("", "   ", "x".repeat(100_000), "\u202EAAAA-BBBB", "<script>alert(1)</script>", "AAAA-BBBB-CCCC-DDDD",
                "' or 1=1 --", "%", "_", "\u0000");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("forgedCodes")
    void aForgedInviteCodeOrShareTokenOpensNothingAndIsNeverRepeated(String code) {
        Map<String, Object> before = stored();

        Throwable join = catchThrowable(() -> classrooms.join(me, code));
        Throwable link = catchThrowable(() -> sharing.openLink(me, code));

        assertThat(join).isInstanceOf(org.flowfield.classrooms.InvalidClassroomException.class)
                .message().isIn("No class has this invite code.", "Enter the class's invite code.",
                        "An invite code has at most " + ClassroomService.MAX_INVITE_CODE_LENGTH + " characters.");
        assertThat(link).isInstanceOf(RunNotFoundException.class);
        assertThat(stored()).isEqualTo(before);
        assertThat(classrooms.listMine(me)).extracting(Classroom::id).containsExactly(myClass.id());
    }

    private <E extends RuntimeException> void assertForgedIdsAnswerAlike(Surface surface, UUID foreign, Class<E> missing) {
        Map<String, Object> before = stored();
        UUID random = UUID.randomUUID();

        Throwable forTheirs = catchThrowable(() -> surface.call().accept(this, foreign));
        Throwable forRandom = catchThrowable(() -> surface.call().accept(this, random));

        assertThat(forTheirs).isInstanceOf(missing);
        assertThat(forRandom).isInstanceOf(missing);
        assertThat(forTheirs.getMessage().replace(foreign.toString(), "ID"))
                .isEqualTo(forRandom.getMessage().replace(random.toString(), "ID"));
        assertThat(stored()).isEqualTo(before);
    }

    /** What a forged call could change: the other user's run and class, and every row count of sharing. */
    private Map<String, Object> stored() {
        return Map.of(
                "their run", jdbc.sql("select name, status, sharing, shared_classroom_id, share_token, cancel_requested from run "
                        + "where id = :id").param("id", theirs.id()).query().singleRow().toString(),
                "my run", jdbc.sql("select status, sharing, shared_classroom_id, share_token from run where id = :id")
                        .param("id", mine.id()).query().singleRow().toString(),
                "runs", rows("run"),
                "classes", rows("classroom"),
                "members", rows("classroom_member"),
                "link grants", rows("run_link_grant"));
    }

    private static List<String> texts(Element element) {
        return Stream.concat(Stream.of(element.getText()), element.getChildren().flatMap(child -> texts(child).stream())).toList();
    }
}
