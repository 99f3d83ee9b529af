package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.data.PointCloud;
import org.flowfield.datasets.DataSetInUseException;
import org.flowfield.datasets.Stroke;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.export.SampleSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs on their owner's own data sets, end to end on the real database and DJL: queued through the
 * service, trained by the job engine, measured against a drawing's exact density, split from an
 * upload; and refused, with the form's kind of message, on anyone else's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/user-data-runs-${random.uuid}",
    "flowfield.queue.slots=2",
    "flowfield.queue.dispatch-interval-ms=200",
    "flowfield.accounts.bcrypt-strength=4"
})
class UserDataRunsTest {

    private static final List<Stroke> BAR_AND_DOT = List.of(new Stroke(0.6, new double[] {-2, 0, 2, 0}), new Stroke(1.0, new double[] {0, 2}));

    @Autowired RunService service;
    @Autowired RunFiles files;
    @Autowired UserDataSets dataSets;
    @Autowired AccountService accounts;

    UUID owner;
    UUID classmate;

    @BeforeEach
    void people() {
        owner = accounts.signUp("owner-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
        classmate = accounts.signUp("mate-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
    }

    private static RunSettings on(ModelFamily family, UserDataSet dataSet) {
        RunSettings settings = RunPresets.smoke(family);
        settings.setEpochs(2);
        RunSettingsSchema.USER_DATA_SET.set(settings, dataSet.id().toString());
        return settings;
    }

    private Run finished(Run queued) {
        Run run = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> service.find(owner, queued.id()).orElseThrow(), each -> each.status().terminal());
        assertThat(run.status()).as(String.valueOf(run.failureReason())).isEqualTo(RunStatus.FINISHED);
        return run;
    }

    @Test
    void aRunOnADrawingTrainsOnPointsUnderTheStrokesAndIsMeasuredAgainstItsExactDensity() {
        UserDataSet drawing = dataSets.saveDrawing(owner, "bar and dot", BAR_AND_DOT, 300, 1);

        Run queued = service.queue(owner, on(ModelFamily.NORMALIZING_FLOW, drawing));
        assertThat(queued.config().userData().id()).isEqualTo(drawing.id());
        assertThat(queued.config().trainingPoints()).isEqualTo(RunPresets.SMOKE_POINTS);
        Run run = finished(queued);

        assertThat(run.figures().dataEntropy()).as("H of the drawing in the model's coordinates").isNotNull();
        assertThat(run.figures().heldOutNll()).isFinite();
        assertThat(run.figures().klGap()).as("NLL − H").isGreaterThanOrEqualTo(0.0);
        assertThat(run.figures().outsideSupportFraction()).isBetween(0.0, 1.0);
        assertThat(service.dataSetOf(owner, run.id())).contains(drawing);
        assertThatThrownBy(() -> dataSets.delete(owner, drawing.id())).isInstanceOf(DataSetInUseException.class);
    }

    @Test
    void aClassConditionalRunOnALabelledUploadLearnsItsClassesFromAHeldOutSplit() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int label = i % 3;
            csv.append(label * 3 + (i % 7) * 0.1).append(',').append(label - (i % 5) * 0.1).append(',').append(label).append('\n');
        }
        UserDataSet upload = dataSets.upload(owner, "three blobs", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(upload.classes()).isEqualTo(3);

        Run run = finished(service.queue(owner, on(ModelFamily.CONDITIONAL_FLOW_MATCHING, upload)));

        assertThat(run.config().classes()).isEqualTo(3);
        assertThat(run.figures().dataEntropy()).as("an upload has no known density").isNull();
        assertThat(run.figures().slicedW2()).isFinite();
        PointCloud snapshot = SampleSnapshot.read(files.snapshot(run.id(), 1));
        assertThat(snapshot.labels()).containsOnly(0, 1, 2);
    }

    @Test
    void aRunOnAClassmatesDataSetIsRefusedAtTheServiceWithAClearMessageAndNothingIsStored() {
        UserDataSet theirs = dataSets.saveDrawing(classmate, "their drawing", BAR_AND_DOT, 300, 1);
        int before = service.listOwn(owner).size();

        InvalidRunSettingsException refused = catchThrowableOfType(InvalidRunSettingsException.class,
                () -> service.queue(owner, on(ModelFamily.NORMALIZING_FLOW, theirs)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(RunSettingsSchema.USER_DATA_SET.field());
        assertThat(refused.errors().getFirst().message()).contains("must be one of your data sets").doesNotContain(theirs.name());
        assertThat(service.listOwn(owner)).hasSize(before);
    }

    @Test
    void aClassConditionalRunOnADrawingIsRefusedSinceADrawingHasNoClasses() {
        UserDataSet drawing = dataSets.saveDrawing(owner, "no classes", BAR_AND_DOT, 300, 1);

        InvalidRunSettingsException refused = catchThrowableOfType(InvalidRunSettingsException.class,
                () -> service.queue(owner, on(ModelFamily.CONDITIONAL_FLOW_MATCHING, drawing)));

        assertThat(refused.errors()).extracting(FieldError::message)
                .containsExactly("A class-conditional model needs a data set with classes; “no classes” has none");
    }
}
