package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.optim.OptimizerSettings;
import org.junit.jupiter.api.Test;

class NonFiniteLossTest {

    @Test
    void anExerciseFlowIsToldToBoundItsLogScaleAndClipOrToLowerTheRate() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 7);
        assertThat(NonFiniteLoss.reason(config, Double.NaN, 4851, 1)).isEqualTo(
                "the loss became NaN at step 4851 (epoch 2). The flow's numbers overflowed: a coupling layer's log-scale, "
                        + "which nothing bounds, grew until exp(log-scale) left floating point. Try bounding the log-scale "
                        + "(log-scale bound 3) and clipping gradients (max gradient norm 1), or lowering the learning rate "
                        + "(0.0005 instead of 0.001).");
    }

    @Test
    void aFlowMatchingRunThatAlreadyClipsIsToldToLowerTheRate() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 1)
                .withOptimizer(new OptimizerSettings(0, 1));
        assertThat(NonFiniteLoss.reason(config, Double.POSITIVE_INFINITY, 12, 0)).isEqualTo(
                "the loss became Infinity at step 12 (epoch 1). The vector field's numbers overflowed: a step moved its "
                        + "weights so far that its outputs left floating point. Try lowering the learning rate "
                        + "(0.0005 instead of 0.001).");
    }
}
