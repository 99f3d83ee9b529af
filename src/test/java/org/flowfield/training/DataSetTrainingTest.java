package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.DataSet;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training, held-out data and the figures on data sets other than the rings, and from a data-set source. */
class DataSetTrainingTest {

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    private static final class Epochs implements TrainingListener {
        final List<EpochReport> reports = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        @Override
        public void onEpoch(EpochReport report) {
            reports.add(report);
        }

        @Override
        public void onProgress(ProgressReport report) {
            losses.add(report.loss());
        }
    }

    @Test
    void aClassConditionalModelLearnsTheEightGaussiansWithEightClasses() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 7)
                .withDataSet(DataSet.EIGHT_GAUSSIANS).withPoints(128 * 100).withEpochs(2).withReportEvery(50);
        Epochs epochs = new Epochs();

        TrainingResult result = new Trainer(epochs, null, null).train(config);

        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        assertThat(result.config().flowMatching().classes()).isEqualTo(8);
        assertThat(epochs.reports.getLast().sampleClasses()).contains(0, 7);
        QualityFigures figures = result.figures();
        assertThat(figures.heldOutNll()).isFinite();
        assertThat(figures.inRingFraction()).as("no rings, no in-ring fraction").isNaN();
        assertThat(figures.slicedW2()).isFinite().isPositive();
        assertThat(epochs.losses.getLast()).isLessThan(epochs.losses.getFirst());
    }

    @Test
    void flowMatchingFromEightGaussiansToMoonsTrainsAndHasNoLikelihood() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 11)
                .withDataSet(DataSet.MOONS).withSource(SourceDistribution.of(DataSet.EIGHT_GAUSSIANS))
                .withPoints(128 * 100).withEpochs(3).withReportEvery(50);
        RingDataset training = RingDataset.training(DataSet.MOONS, DataSetKind.UNCONDITIONAL, config.points(), config.seed());
        RingDataset heldOut = RingDataset.heldOut(DataSet.MOONS, DataSetKind.UNCONDITIONAL, config.seed(), training.standardization());
        QualityFigures untrained;
        try (FlowModel model = ModelFactory.create(config)) {
            assertThat(model.hasLikelihood()).isFalse();
            assertThatThrownBy(() -> model.logLikelihood(heldOut.points()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no exact likelihood");
            assertStandardisedGaussians(((FlowMatching) model).drawSource(8_000, 3));
            untrained = QualityEvaluator.evaluate(model, heldOut, java.util.Optional.empty());
        }
        Epochs epochs = new Epochs();

        TrainingResult result = new Trainer(epochs, null, null).train(config);

        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.FINISHED);
        assertThat(result.figures().heldOutNll()).as("no source density, no NLL").isNaN();
        assertThat(result.figures().inRingFraction()).isNaN();
        assertThat(result.figures().slicedW2()).isLessThan(0.8 * untrained.slicedW2());
    }

    @Test
    void aNormalizingFlowOnTheCheckerboardReportsAHeldOutNll() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 5)
                .withDataSet(DataSet.CHECKERBOARD).withPoints(128 * 60).withEpochs(1).withReportEvery(20);

        TrainingResult result = new Trainer(null, null, null).train(config);

        assertThat(result.figures().heldOutNll()).isFinite();
        assertThat(result.figures().inRingFraction()).isNaN();
        PointCloud data = RingDataset.training(DataSet.CHECKERBOARD, DataSetKind.UNCONDITIONAL, config.points(), config.seed()).points();
        assertThat(result.standardization()).isEqualTo(org.flowfield.data.Standardization.of(
                DataSet.CHECKERBOARD.sample(DataSetKind.UNCONDITIONAL, config.points(), config.seed()).xy()));
        assertThat(data.size()).isEqualTo(config.trainingPoints());
    }

    /** Source points are the eight Gaussians standardised by a reference sample: mean 0, std 1, eight clusters. */
    private static void assertStandardisedGaussians(float[] xy) {
        int n = xy.length / 2;
        double sx = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sx += xy[2 * i];
            sxx += xy[2 * i] * xy[2 * i];
        }
        assertThat(sx / n).isBetween(-0.05, 0.05);
        assertThat(sxx / n).isBetween(0.95, 1.05);
        int nearCentre = 0;
        for (int i = 0; i < n; i++) {
            double radius = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            // Centres at 5 / 3.58 ≈ 1.40 standardised, spread 0.562 / 3.58 ≈ 0.16.
            if (Math.abs(radius - 1.40) < 0.6) {
                nearCentre++;
            }
        }
        assertThat(nearCentre).isGreaterThan((int) (0.99 * n));
    }
}
