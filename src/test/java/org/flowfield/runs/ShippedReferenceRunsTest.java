package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.metrics.DataDensity;
import org.flowfield.metrics.QualityEvaluator;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.export.ExportedRun;
import org.flowfield.training.export.RunExportReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference runs shipped in {@code models/} carry the figures a run finishing today gets from
 * its model: every user sees them, so a figure left out reads as a false statement on the run's
 * page ("its density is not known exactly", when the rings' density is known), and one computed
 * otherwise would not compare with the students' own runs.
 */
class ShippedReferenceRunsTest {

    @BeforeAll
    static void startEngine() {
        TorchRuntime.start(1);
    }

    static List<Path> shippedRuns() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("models"))) {
            return folders.filter(RunExportReader::isRun).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedRuns")
    void aShippedRunCarriesTheFiguresItsModelGivesTodayTheTruthFiguresIncluded(Path folder) {
        TorchRuntime.get().useIntraOpThreads(1);
        ExportedRun exported = RunExportReader.read(folder);
        Checkpoint checkpoint = CheckpointFile.read(exported.checkpoint());
        TrainingConfig config = checkpoint.config();
        Standardization standardization = checkpoint.standardization();
        Optional<DataDensity> density = config.family().conditional()
                ? config.dataSet().classDensity(standardization).map(DataDensity::perClass)
                : config.dataSet().density(standardization).map(DataDensity::of);
        assertThat(density).as("the density of the reference runs' data (the rings) is known").isPresent();
        QualityFigures today;
        try (FlowModel model = ModelFactory.restore(checkpoint)) {
            today = QualityEvaluator.evaluate(model,
                    RingDataset.heldOut(config.dataSet(), config.family().dataSet(), config.seed(), standardization), density,
                    config.classes());
        }
        QualityFigures shipped = exported.figures();
        assertThat(shipped.heldOutNll()).as("held-out NLL").isCloseTo(today.heldOutNll(), within(1e-6));
        assertThat(shipped.inRingFraction()).as("in-ring fraction").isEqualTo(today.inRingFraction());
        assertThat(shipped.slicedW2()).as("sliced W2").isCloseTo(today.slicedW2(), within(1e-7));
        assertThat(shipped.dataEntropy()).as("data entropy").isNotNull().isCloseTo(today.dataEntropy(), within(1e-12));
        assertThat(shipped.outsideSupportFraction()).as("share of samples outside the support").isNotNull()
                .isEqualTo(today.outsideSupportFraction());
    }
}
