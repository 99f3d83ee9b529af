package org.flowfield.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.CheckpointPolicy;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.RunData;
import org.flowfield.training.Trainer;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/figures.md "Figures against the truth", on the rings, whose densities are known in closed form. */
class TruthFiguresTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    /** H(X | C) in closed form against −(1/n) Σ log p(xᵢ | cᵢ) over 10,000 held-out points, within 4 standard errors. */
    @Test
    void theEntropyReportedForClassConditionalRunsIsTheMonteCarloMeanOfMinusLogDensity() {
        RingDataset training = RingDataset.training(DataSetKind.CONDITIONAL, 5_000, 7);
        RingDataset heldOut = RingDataset.heldOut(DataSetKind.CONDITIONAL, 7, training.standardization());
        DataDensity density = DataDensity.perClass(RingDensities.conditional(training.standardization()));

        double sum = 0;
        double squares = 0;
        int n = heldOut.size();
        for (int i = 0; i < n; i++) {
            double minusLog = -density.logDensity(heldOut.points().x(i), heldOut.points().y(i), heldOut.points().label(i));
            sum += minusLog;
            squares += minusLog * minusLog;
        }
        double mean = sum / n;
        double standardError = Math.sqrt((squares / n - mean * mean) / n);

        assertThat(standardError).isPositive();
        assertThat(Math.abs(density.entropy() - mean)).isLessThan(4 * standardError);
    }

    /** Every held-out point lies in its data's support, and a uniform density's −log p is its entropy at every point. */
    @Test
    void theHeldOutDataLieInTheSupportOfTheUnconditionalDensity() {
        RingDataset training = RingDataset.training(DataSetKind.UNCONDITIONAL, 5_000, 8);
        RingDataset heldOut = RingDataset.heldOut(DataSetKind.UNCONDITIONAL, 8, training.standardization());
        DataDensity density = DataDensity.of(RingDensities.unconditional(training.standardization()));

        assertThat(QualityEvaluator.outsideSupport(heldOut.points().xy(), null, density)).isZero();
        assertThat(-density.logDensity(heldOut.points().x(0), heldOut.points().y(0), 0)).isEqualTo(density.entropy());
    }

    /** KL(data ‖ model) ≥ 0: a model trained for real never reports a held-out NLL below the data's entropy. */
    @Test
    void aTrainedNormalizingFlowsHeldOutNllIsAboveTheDataEntropy() {
        QualityFigures figures = trainAndEvaluate(ModelFamily.NORMALIZING_FLOW, 128 * 100, 2);

        assertThat(figures.klGap()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(figures.nllBelowEntropy()).isFalse();
        // the support is the annuli: a sample outside them is outside the support (and the box cuts a little more)
        assertThat(figures.outsideSupportFraction()).isBetween(1 - figures.inRingFraction(), 1.0);
    }

    /** For class-conditional runs a sample is measured against its own class's support. */
    @Test
    void classConditionalSamplesAreOutsideTheSupportOfOtherClasses() {
        RingDataset training = RingDataset.training(DataSetKind.CONDITIONAL, 5_000, 9);
        RingDataset heldOut = RingDataset.heldOut(DataSetKind.CONDITIONAL, 9, training.standardization());
        DataDensity density = DataDensity.perClass(RingDensities.conditional(training.standardization()));
        int[] ownClasses = heldOut.points().labels();
        int[] otherClasses = new int[ownClasses.length];
        for (int i = 0; i < ownClasses.length; i++) {
            otherClasses[i] = (ownClasses[i] + 1) % 5;
        }

        assertThat(QualityEvaluator.outsideSupport(heldOut.points().xy(), ownClasses, density)).isZero();
        // neighbouring rings overlap a little, so a few points also lie on the other class's ring
        assertThat(QualityEvaluator.outsideSupport(heldOut.points().xy(), otherClasses, density)).isBetween(0.8, 1.0);
    }

    private QualityFigures trainAndEvaluate(ModelFamily family, int points, int epochs) {
        TrainingConfig config = TrainingConfig.exercise(family, 3).withPoints(points).withEpochs(epochs);
        Path checkpoint = directory.resolve(family.code() + ".bin");
        TrainingResult result = new Trainer(null, null, new CheckpointPolicy(checkpoint, 0)).train(config);
        RingDataset heldOut = RunData.builtIn().heldOut(config, result.standardization());
        DataDensity density = family.conditional()
                ? DataDensity.perClass(RingDensities.conditional(result.standardization()))
                : DataDensity.of(RingDensities.unconditional(result.standardization()));
        try (FlowModel model = ModelFactory.restore(CheckpointFile.read(checkpoint))) {
            QualityFigures figures = QualityEvaluator.evaluate(model, heldOut, Optional.of(density));
            assertThat(figures.heldOutNll()).isEqualTo(result.figures().heldOutNll());
            assertThat(figures.dataEntropy()).isEqualTo(density.entropy());
            return figures;
        }
    }
}
