package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.optim.OptimizerSettings;
import org.junit.jupiter.api.Test;

class TrainingConfigCodecTest {

    @Test
    void everyModelOptionRoundTrips() {
        TrainingConfig exercise = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 3);
        TrainingConfig config = exercise
                .withCouplingFlow(exercise.couplingFlow().withActivation(Activation.TANH).withLogScaleBound(2.5))
                .withFlowMatching(exercise.flowMatching().withActivation(Activation.SILU)
                        .withMinibatchOptimalTransport(true).withTransportWithinClasses(true))
                .withOptimizer(new OptimizerSettings(0.01, 1.5));
        assertThat(TrainingConfigCodec.decode(TrainingConfigCodec.encode(config))).isEqualTo(config);
    }

    /** A row stored before the model options existed trains as it did then. */
    @Test
    void aConfigurationStoredWithoutTheNewKeysDecodesToTodaysModel() {
        TrainingConfig exercise = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 7);
        Map<String, String> stored = new java.util.LinkedHashMap<>(TrainingConfigCodec.encode(exercise));
        for (String key : new String[] {"nf.activation", "nf.logScaleBound", "fm.activation", "fm.transportWithinClasses",
                "weightDecay", "maxGradientNorm"}) {
            assertThat(stored.remove(key)).as(key).isNotNull();
        }
        TrainingConfig decoded = TrainingConfigCodec.decode(stored);
        assertThat(decoded).isEqualTo(exercise);
        assertThat(decoded.couplingFlow().activation()).isEqualTo(Activation.LEAKY_RELU);
        assertThat(decoded.couplingFlow().logScaleBound()).isZero();
        assertThat(decoded.flowMatching().transportWithinClasses()).isFalse();
        assertThat(decoded.optimizer()).isEqualTo(OptimizerSettings.ADAM);
    }

    @Test
    void anUnknownActivationIsNamedInTheError() {
        Map<String, String> stored = new java.util.LinkedHashMap<>(
                TrainingConfigCodec.encode(TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 1)));
        stored.put("fm.activation", "GELU");
        assertThatThrownBy(() -> TrainingConfigCodec.decode(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration key 'fm.activation' is not an activation: GELU");
    }
}
