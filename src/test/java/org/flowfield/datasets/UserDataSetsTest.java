package org.flowfield.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountDeletion;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.data.PointCloud;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.FinishedRuns;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunDeletion;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.StorageQuota;
import org.flowfield.runs.StorageQuotaExceededException;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users' data sets at the service layer, on the real database: uploads and their line-numbered
 * problems, drawings, names, who may read a data set (its owner, and whoever sees a run that trains
 * on it), deleting one that runs use, the storage quota, and deleting the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/access-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class UserDataSetsTest {

    @Autowired UserDataSets dataSets;
    @Autowired AccountService accounts;
    @Autowired AccountDeletion accountDeletion;
    @Autowired ClassroomService classrooms;
    @Autowired RunService runs;
    @Autowired RunSharingService sharing;
    @Autowired RunDeletion runDeletion;
    @Autowired StorageQuota quota;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    UUID owner;
    UUID other;

    private UUID account(String role) {
        return accounts.signUp(role + "-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
    }

    @BeforeEach
    void people() {
        owner = account("owner");
        other = account("other");
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code n} lines x,y[,class] on a slanted grid, classes in turn. */
    private static String lines(int n, int classes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i % 17).append('.').append(i % 10).append(',').append(-1.5 + i * 0.01);
            if (classes > 0) {
                text.append(',').append(i % classes);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private List<String> problemsOf(String text) {
        return catchThrowableOfType(InvalidDataSetException.class, () -> dataSets.upload(owner, "bad", csv(text))).problems();
    }

    private static final List<Stroke> BAR = List.of(new Stroke(0.5, new double[] {-2, 0, 2, 0}));

    @Test
    void anUploadKeepsItsPointsAndClasses() {
        UserDataSet uploaded = dataSets.upload(owner, "  my moons ", csv("x,y,class\r\n" + lines(150, 3) + "\n\n"));

        assertThat(uploaded.name()).isEqualTo("my moons");
        assertThat(uploaded.source()).isEqualTo(DataSetSource.UPLOADED);
        assertThat(uploaded.pointCount()).isEqualTo(150);
        assertThat(uploaded.classes()).isEqualTo(3);
        UserDataPoints points = dataSets.pointsFor(owner, uploaded.id());
        assertThat(points.points().size()).isEqualTo(150);
        assertThat(points.points().x(11)).isEqualTo(11.1f);
        assertThat(points.points().y(11)).isEqualTo((float) (-1.5 + 11 * 0.01));
        assertThat(points.points().label(11)).isEqualTo(2);
        assertThat(points.density()).as("an upload's density is not known").isEmpty();
        assertThat(dataSets.strokes(owner, uploaded.id())).isEmpty();
        assertThat(dataSets.listMine(owner)).containsExactly(uploaded);

        UserDataSet plain = dataSets.upload(owner, "plain", csv(lines(DataSetLimits.MIN_POINTS, 0)));
        assertThat(plain.labelled()).isFalse();
        assertThat(dataSets.pointsFor(owner, plain.id()).points().conditional()).isFalse();
    }

    @Test
    void aBadFileIsRefusedWithEachProblemOnItsLineAndNothingIsStored() {
        String good = lines(DataSetLimits.MIN_POINTS, 0);
        assertThat(problemsOf("x,y\n1,2\n3,abc\n" + good)).containsExactly("Line 3: y is “abc”, which is not a number.");
        assertThat(problemsOf("1,2\n3,4,1\n" + good)).containsExactly("Line 2 has 3 values, but the lines before it have 2 (x,y).");
        assertThat(problemsOf("1;2\n" + good)).containsExactly(
                "Line 1 has 1 value; each line needs 2 (x,y) or 3 (x,y,class), separated by commas.");
        assertThat(problemsOf(good + "NaN,1\n1,-Infinity\n")).containsExactly(
                "Line " + (DataSetLimits.MIN_POINTS + 1) + ": x is “NaN”; every value must be a finite number.",
                "Line " + (DataSetLimits.MIN_POINTS + 2) + ": y is “-Infinity”; every value must be a finite number.");
        assertThat(problemsOf(good + "1e999,0\n")).containsExactly(
                "Line " + (DataSetLimits.MIN_POINTS + 1) + ": x is 1e999; coordinates must lie between −1,000,000 and 1,000,000.");
        assertThat(problemsOf("0,0,1.5\n1,1,-1\n2,2,5\n3,3,\n" + lines(DataSetLimits.MIN_POINTS, 2))).containsExactly(
                "Line 1: the class is “1.5”; a class is a whole number from 0 to 4.",
                "Line 2: class -1 is out of range; classes are 0 to 4.",
                "Line 3: class 5 is out of range; classes are 0 to 4.",
                "Line 4: the class is missing.");
        assertThat(problemsOf(lines(DataSetLimits.MIN_POINTS, 2).replace(",1\n", ",2\n"))).containsExactly(
                "No point has class 1, but some have class 2; classes are numbered from 0 without gaps.");
        assertThat(problemsOf("x,y\n" + lines(DataSetLimits.MIN_POINTS - 1, 0))).containsExactly(
                "The file has " + (DataSetLimits.MIN_POINTS - 1) + " points; a data set needs at least " + DataSetLimits.MIN_POINTS + ".");
        assertThat(problemsOf("1,5\n".repeat(DataSetLimits.MIN_POINTS))).containsExactly(
                "Every point has x = 1.0; the points must spread in both x and y.",
                "Every point has y = 5.0; the points must spread in both x and y.");
        assertThat(problemsOf(lines(DataSetLimits.MAX_POINTS + 1, 0))).containsExactly(
                "Line " + (DataSetLimits.MAX_POINTS + 1) + " is one point too many: a data set has at most 20,000 points.");
        assertThat(problemsOf("1,2\n".repeat(DataSetLimits.MAX_UPLOAD_BYTES / 4 + 1))).containsExactly(
                "The file has more than 1,048,576 bytes, the most an upload may have.");
        assertThat(catchThrowableOfType(InvalidDataSetException.class,
                () -> dataSets.upload(owner, "binary", new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff}))).problems())
                .containsExactly("The file is not text (UTF-8): it should be a CSV file of x,y or x,y,class lines.");
        List<String> many = problemsOf("x,y\n" + "a,b\n".repeat(30));
        assertThat(many).hasSize(DataSetLimits.MAX_PROBLEMS_LISTED + 1);
        assertThat(many.getFirst()).isEqualTo("Line 2: x is “a”, which is not a number.");
        assertThat(many.getLast()).isEqualTo("… and 40 more problems.");

        assertThat(dataSets.listMine(owner)).isEmpty();
    }

    @Test
    void namesFollowTheRulesAndAreTheOwnersOwn() {
        dataSets.upload(owner, "rings", csv(lines(DataSetLimits.MIN_POINTS, 0)));

        assertThatThrownBy(() -> dataSets.upload(owner, " rings ", csv(lines(DataSetLimits.MIN_POINTS, 0))))
                .isInstanceOf(InvalidDataSetNameException.class)
                .hasMessage("You already have a data set named “rings”; choose another name.");
        assertThatThrownBy(() -> dataSets.saveDrawing(owner, "   ", BAR, 200, 1))
                .isInstanceOf(InvalidDataSetNameException.class).hasMessage("The name must not be blank");
        assertThatThrownBy(() -> dataSets.saveDrawing(owner, "x".repeat(DataSetLimits.MAX_NAME_LENGTH + 1), BAR, 200, 1))
                .isInstanceOf(InvalidDataSetNameException.class)
                .hasMessage("The name must be at most 80 characters; this one has 81");
        assertThatThrownBy(() -> dataSets.saveDrawing(owner, "two\nlines", BAR, 200, 1))
                .isInstanceOf(InvalidDataSetNameException.class).hasMessageStartingWith("The name must not contain line breaks");
        assertThat(dataSets.upload(other, "rings", csv(lines(DataSetLimits.MIN_POINTS, 0))).name()).as("another user's name").isEqualTo("rings");
        assertThat(dataSets.saveDrawing(owner, "x".repeat(DataSetLimits.MAX_NAME_LENGTH), BAR, 200, 1).name()).hasSize(80);
        assertThat(dataSets.listMine(owner)).hasSize(2);
    }

    @Test
    void aDrawingKeepsItsStrokesAndItsPointsLieUniformlyUnderThem() {
        List<Stroke> strokes = List.of(new Stroke(0.5, new double[] {-2, 0, 2, 0}), new Stroke(1.0, new double[] {0, 2}));
        PointCloud preview = dataSets.sampleDrawing(strokes, 1000, 42);
        UserDataSet drawn = dataSets.saveDrawing(owner, "bar and dot", strokes, 1000, 42);

        assertThat(drawn.source()).isEqualTo(DataSetSource.DRAWN);
        assertThat(drawn.pointCount()).isEqualTo(1000);
        assertThat(drawn.labelled()).isFalse();
        UserDataPoints stored = dataSets.pointsFor(owner, drawn.id());
        assertThat(stored.points().xy()).as("the previewed points are the stored ones").containsExactly(preview.xy());
        assertThat(dataSets.strokes(owner, drawn.id())).contains(strokes);
        double area = 2 * 0.25 * 4 + Math.PI * 0.25 * 0.25 + Math.PI * 0.25;
        org.flowfield.data.KnownDensity density = stored.density().orElseThrow();
        assertThat(density.entropy()).isCloseTo(Math.log(area), within(1.1e-3));
        for (int i = 0; i < stored.points().size(); i++) {
            assertThat(density.logDensity(stored.points().x(i), stored.points().y(i))).isCloseTo(-Math.log(area), within(1.1e-3));
        }
        assertThat(density.logDensity(0, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aBadDrawingSaysWhatIsWrong() {
        assertThat(catchThrowableOfType(InvalidDataSetException.class, () -> dataSets.saveDrawing(owner, "empty", List.of(), 500, 1)).problems())
                .containsExactly("Draw at least one stroke.");
        assertThat(catchThrowableOfType(InvalidDataSetException.class, () -> dataSets.saveDrawing(owner, "bad",
                List.of(new Stroke(3, new double[] {0, 0, 1, 1}), new Stroke(0.5, new double[] {0, 0, 4.5, 0})), 50, 1)).problems())
                .containsExactly("Stroke 1: the brush width must be 0.05 to 2.0, not 3.0.",
                        "Stroke 2 leaves the canvas: coordinates lie between −4.0 and 4.0, not 4.5.",
                        "The number of points must be 100 to 20,000, not 50.");
        assertThat(dataSets.listMine(owner)).isEmpty();
    }

    @Test
    void anotherUsersDataSetAnswersLikeAMissingOne() {
        UserDataSet mine = dataSets.saveDrawing(owner, "mine", BAR, 200, 1);
        UUID missing = UUID.randomUUID();

        for (UUID id : List.of(mine.id(), missing)) {
            String expected = "There is no data set " + id + ".";
            assertThatThrownBy(() -> dataSets.find(other, id)).isInstanceOf(DataSetNotFoundException.class).hasMessage(expected);
            assertThatThrownBy(() -> dataSets.pointsFor(other, id)).isInstanceOf(DataSetNotFoundException.class).hasMessage(expected);
            assertThatThrownBy(() -> dataSets.strokes(other, id)).isInstanceOf(DataSetNotFoundException.class).hasMessage(expected);
            assertThatThrownBy(() -> dataSets.delete(other, id)).isInstanceOf(DataSetNotFoundException.class).hasMessage(expected);
            assertThatThrownBy(() -> dataSets.recordUse(other, id, UUID.randomUUID())).isInstanceOf(DataSetNotFoundException.class)
                    .hasMessage(expected);
        }
        assertThat(dataSets.listMine(other)).isEmpty();
        assertThat(dataSets.find(owner, mine.id())).isEqualTo(mine);
    }

    @Test
    void whoeverSeesASharedRunReadsItsDataSetButCannotChangeIt() {
        UUID classmate = account("classmate");
        Classroom classroom = classrooms.create(owner, "Flows");
        classrooms.join(classmate, classroom.inviteCode());
        UserDataSet drawn = dataSets.saveDrawing(owner, "drawn", BAR, 300, 5);
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "on my drawing");
        dataSets.recordUse(owner, drawn.id(), run.id());

        assertThatThrownBy(() -> dataSets.pointsFor(classmate, drawn.id())).as("a private run shares nothing")
                .isInstanceOf(DataSetNotFoundException.class);
        sharing.shareWithClassroom(owner, run.id(), classroom.id());

        assertThat(dataSets.find(classmate, drawn.id())).isEqualTo(drawn);
        assertThat(dataSets.pointsFor(classmate, drawn.id()).points().xy()).containsExactly(dataSets.pointsFor(owner, drawn.id()).points().xy());
        assertThat(dataSets.strokes(classmate, drawn.id())).contains(BAR);
        assertThatThrownBy(() -> dataSets.delete(classmate, drawn.id())).isInstanceOf(NotDataSetOwnerException.class)
                .hasMessage("“drawn” is shared with you through a run; only its owner may change or delete it.");
        assertThat(dataSets.listMine(classmate)).as("my data sets are my own").isEmpty();
        assertThatThrownBy(() -> dataSets.recordUse(classmate, drawn.id(), UUID.randomUUID())).as("runs train on their owner's data only")
                .isInstanceOf(DataSetNotFoundException.class);
        assertThatThrownBy(() -> dataSets.find(other, drawn.id())).as("an outsider").isInstanceOf(DataSetNotFoundException.class);

        sharing.makePrivate(owner, run.id());
        assertThatThrownBy(() -> dataSets.find(classmate, drawn.id())).isInstanceOf(DataSetNotFoundException.class);
    }

    @Test
    void aDataSetRunsTrainOnIsKeptUntilTheyAreDeleted() {
        UserDataSet used = dataSets.saveDrawing(owner, "used", BAR, 200, 1);
        Run first = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "first on it");
        Run second = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "second on it");
        dataSets.recordUse(owner, used.id(), first.id());
        dataSets.recordUse(owner, used.id(), second.id());

        DataSetInUseException refused = catchThrowableOfType(DataSetInUseException.class, () -> dataSets.delete(owner, used.id()));
        assertThat(refused.runNames()).containsExactlyInAnyOrder("first on it", "second on it");
        assertThat(refused).hasMessageStartingWith("“used” is not deleted: 2 runs ").hasMessageEndingWith(
                " train on it, and a run's page and figures read its data again. Delete those runs first.");
        assertThat(dataSets.pointsFor(owner, used.id()).points().size()).isEqualTo(200);

        runDeletion.delete(owner, first.id());
        assertThatThrownBy(() -> dataSets.delete(owner, used.id())).isInstanceOf(DataSetInUseException.class)
                .hasMessage("“used” is not deleted: the run “second on it” trains on it, and a run's page and figures read its data again."
                        + " Delete that run first.");
        runDeletion.delete(owner, second.id());
        dataSets.delete(owner, used.id());

        assertThatThrownBy(() -> dataSets.find(owner, used.id())).isInstanceOf(DataSetNotFoundException.class);
        assertThat(dataSets.listMine(owner)).isEmpty();
    }

    @Test
    void theStorageQuotaCountsDataSetsWithRuns() {
        int before = quota.maxStoredRuns();
        quota.change(3);
        try {
            FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "a run");
            dataSets.saveDrawing(owner, "one", BAR, 200, 1);
            UserDataSet two = dataSets.upload(owner, "two", csv(lines(DataSetLimits.MIN_POINTS, 0)));

            assertThatThrownBy(() -> dataSets.saveDrawing(owner, "three", BAR, 200, 1)).isInstanceOf(StorageFullException.class)
                    .hasMessage("You keep 1 run and 2 data sets, the most one account may store together (3)."
                            + " Delete runs or data sets you no longer need to make room.");
            assertThatThrownBy(() -> runs.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)))
                    .isInstanceOf(StorageQuotaExceededException.class).hasMessageStartingWith("You keep 1 run and 2 data sets");
            assertThat(dataSets.listMine(owner)).hasSize(2);

            dataSets.delete(owner, two.id());
            assertThat(dataSets.saveDrawing(owner, "three", BAR, 200, 1).name()).isEqualTo("three");
        } finally {
            quota.change(before);
        }
    }

    @Test
    void deletingTheAccountTakesItsDataSets() {
        UserDataSet drawn = dataSets.saveDrawing(owner, "drawn", BAR, 200, 1);
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "on it");
        dataSets.recordUse(owner, drawn.id(), run.id());
        dataSets.upload(other, "kept", csv(lines(DataSetLimits.MIN_POINTS, 0)));

        accountDeletion.delete(owner, "a long password");

        assertThat(jdbc.sql("select count(*) from user_data_set where owner_id = ?").param(owner).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from run_user_data_set where data_set_id = ?").param(drawn.id()).query(Long.class).single()).isZero();
        assertThat(dataSets.listMine(other)).hasSize(1);
    }
}
