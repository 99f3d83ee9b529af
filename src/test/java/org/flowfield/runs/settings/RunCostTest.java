package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.Test;

class RunCostTest {

    @Test
    void theExercisesNormalizingFlow() {
        RunCost cost = RunCost.of(TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0));

        // 15 layers × 2 networks × (1→8: 16, three 8→8: 3 × 72, 8→1: 9) = 15 × 2 × 241
        assertThat(cost).isEqualTo(new RunCost(5_000_000, 39_080, 75, 2_931_000, 7_230, 7_230L * 5_000_000));
    }

    @Test
    void theExercisesFlowMatching() {
        RunCost cost = RunCost.of(TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 0));

        // 3→64: 256, three 64→64: 3 × 4,160, 64→2: 130
        assertThat(cost).isEqualTo(new RunCost(5_000_000, 39_080, 5, 195_400, 12_866, 12_866L * 5_000_000));
    }

    @Test
    void theExercisesClassConditionalFlowMatching() {
        RunCost cost = RunCost.of(TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 0));

        // (3 + 8)→64: 768, three 64→64: 3 × 4,160, 64→2: 130, embedding 5 × 8: 40
        assertThat(cost.networkWeights()).isEqualTo(13_418);
        assertThat(cost.layersPerStep()).isEqualTo(5);
    }

    @Test
    void stepsCountTheLastPartialBatch() {
        assertThat(RunCost.optimizerSteps(1_000, 128, 3)).isEqualTo(8 * 3);
        assertThat(RunCost.optimizerSteps(1_024, 128, 3)).isEqualTo(8 * 3);
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 0).withPoints(1_000).withEpochs(3);
        assertThat(RunCost.of(config).optimizerSteps()).isEqualTo(config.totalSteps());
    }

    @Test
    void weightsOfOtherArchitectures() {
        assertThat(RunCost.couplingFlowWeights(1, 1, 2)).isEqualTo(2 * (2 + 2));
        assertThat(RunCost.vectorFieldWeights(256, 5, false, 8)).isEqualTo(198_914);
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0)
                .withCouplingFlow(new CouplingFlowConfig(2, 4, 3, 0))
                .withFlowMatching(new FlowMatchingConfig(512, 10, 0, false, 64, 0, false));
        // 2 × 2 × ((4 + 4) + (16 + 4) + (4 + 1)): the vector field does not count for a normalizing flow
        assertThat(RunCost.of(config).networkWeights()).isEqualTo(132);
        assertThat(RunCost.of(config).layersPerStep()).isEqualTo(6);
    }
}
