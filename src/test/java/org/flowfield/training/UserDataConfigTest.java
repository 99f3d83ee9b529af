package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.flows.ModelFamily;
import org.junit.jupiter.api.Test;

/** A run's reference to its owner's data set in the configuration, and how an upload is split. */
class UserDataConfigTest {

    private static final UserDataRef LABELLED = new UserDataRef(UUID.fromString("6f1c2d4e-0000-4000-8000-000000000001"), 3);

    @Test
    void aConfigurationStoredBeforeOwnDataSetsExistedDecodesAsABuiltInRun() {
        Map<String, String> old = new LinkedHashMap<>(TrainingConfigCodec.encode(TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 4)));
        old.remove(TrainingConfigCodec.USER_DATA);
        old.remove(TrainingConfigCodec.USER_DATA_CLASSES);

        TrainingConfig decoded = TrainingConfigCodec.decode(old);

        assertThat(decoded.userData()).isNull();
        assertThat(decoded).isEqualTo(TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 4));
        assertThat(TrainingConfigCodec.encode(decoded)).containsEntry(TrainingConfigCodec.USER_DATA, "none");
    }

    @Test
    void aRunOnOnesOwnDataSetRoundTripsWithItsClassesWhichTheModelLearns() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1).withUserData(LABELLED);

        assertThat(TrainingConfigCodec.decode(TrainingConfigCodec.encode(config))).isEqualTo(config);
        assertThat(config.classes()).isEqualTo(3);
        assertThat(config.flowMatching().classes()).isEqualTo(3);
        assertThat(config.trainingPoints()).isEqualTo(config.points());
        assertThatThrownBy(() -> TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1)
                .withUserData(new UserDataRef(LABELLED.id(), 0))).hasMessage(UserDataRef.WITHOUT_CLASSES);
    }

    @Test
    void aBuiltInSourceRefusesARunOnOnesOwnDataInsteadOfTrainingOnTheRings() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 1).withUserData(new UserDataRef(LABELLED.id(), 0));

        assertThatThrownBy(() -> RunData.builtIn().training(config)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUploadIsSplitByTheRunsSeedIntoDisjointHeldOutAndTrainingSharesWithTheirClasses() {
        int n = 200;
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i;
            xy[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        UploadedData upload = new UploadedData(new PointCloud(xy, labels));
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 9).withPoints(1_000).withUserData(LABELLED);

        RingDataset training = upload.training(config);
        RingDataset heldOut = upload.heldOut(config, training.standardization());

        assertThat(training.size()).isEqualTo(1_000);
        assertThat(heldOut.size()).isEqualTo(RingDataset.HELD_OUT_SIZE);
        Set<Float> trainingXs = originalXs(training);
        Set<Float> heldOutXs = originalXs(heldOut);
        assertThat(heldOutXs).hasSize(UploadedData.heldOutCount(n)).doesNotContainAnyElementsOf(trainingXs);
        assertThat(trainingXs).hasSizeLessThanOrEqualTo(n - UploadedData.heldOutCount(n)).hasSizeGreaterThan(n / 2);
        for (int i = 0; i < training.size(); i++) {
            long point = Math.round(training.standardization().toOriginal(training.points().x(i), training.points().y(i))[0]);
            assertThat(training.points().label(i)).isEqualTo((int) (point % 3));
        }
        assertThat(upload.training(config).points().xy()).isEqualTo(training.points().xy());
        assertThat(upload.training(config.withSeed(10)).points().xy()).isNotEqualTo(training.points().xy());
        assertThat(upload.truth(config, training.standardization())).isEmpty();
        assertThat(upload.training(TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 9).withPoints(1_000)
                .withUserData(LABELLED)).points().conditional()).as("an unconditional model gets no classes").isFalse();
    }

    private static Set<Float> originalXs(RingDataset data) {
        Set<Float> xs = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            xs.add((float) Math.round(data.standardization().toOriginal(data.points().x(i), data.points().y(i))[0]));
        }
        return xs;
    }
}
