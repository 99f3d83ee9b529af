package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowfield.runs.settings.Settings.small;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunSettingsMapperTest {

    @Test
    void aNormalizingFlowsSettingsBecomeItsConfiguration() {
        RunSettings settings = small(ModelFamily.NORMALIZING_FLOW);
        settings.setPoints(12_345);
        settings.setEpochs(3);
        settings.setBatchSize(64);
        settings.setLearningRate(2e-4);
        settings.setSchedule(LearningRateSchedule.CONSTANT);
        settings.setSeed(42L);
        settings.setCouplingLayers(6);
        settings.setNfHiddenWidth(12);
        settings.setNfLinearLayers(4);
        settings.setLeakySlope(0.2);

        TrainingConfig config = RunSettingsMapper.toTrainingConfig(settings);

        assertThat(config).isEqualTo(new TrainingConfig(ModelFamily.NORMALIZING_FLOW,
                new CouplingFlowConfig(6, 12, 4, 0.2), FlowMatchingConfig.EXERCISE, 12_345, 3, 64, 2e-4,
                LearningRateSchedule.CONSTANT, 42, TrainingConfig.DEFAULT_REPORT_EVERY));
    }

    @Test
    void aClassConditionalModelsSettingsBecomeItsConfiguration() {
        RunSettings settings = small(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        settings.setFmHiddenWidth(48);
        settings.setFmLinearLayers(3);
        settings.setEmbeddingDim(4);
        settings.setSigmaMin(0.05);
        settings.setMinibatchOptimalTransport(true);
        settings.setLeakySlope(0.1);

        TrainingConfig config = RunSettingsMapper.toTrainingConfig(settings);

        assertThat(config.flowMatching()).isEqualTo(new FlowMatchingConfig(48, 3, 0.1, true, 4, 0.05, true));
        assertThat(config.couplingFlow()).isEqualTo(CouplingFlowConfig.EXERCISE);
    }

    @Test
    void unconditionalFlowMatchingKeepsTheExercisesEmbeddingSizeWhateverTheFormHolds() {
        RunSettings settings = small(ModelFamily.FLOW_MATCHING);
        settings.setEmbeddingDim(-3);

        assertThat(RunSettingsMapper.toTrainingConfig(settings).flowMatching().embeddingDim())
                .isEqualTo(FlowMatchingConfig.EXERCISE.embeddingDim());
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void fieldsTheFamilyDoesNotUseDoNotChangeTheConfiguration(ModelFamily family) {
        RunSettings settings = small(family);
        TrainingConfig expected = RunSettingsMapper.toTrainingConfig(settings);
        for (String field : RunSettings.ALL_FIELDS) {
            if (!RunSettings.fieldsFor(family).contains(field)) {
                RunSetting<?> setting = RunSettingsSchema.of(field);
                Settings.set(settings, field, switch (setting.kind()) {
                    case CHOICE -> setting.choices().getLast();
                    case FLAG -> true;
                    case DECIMAL -> 0.3;
                    default -> 9;
                });
            }
        }
        assertThat(RunSettingsMapper.toTrainingConfig(settings)).isEqualTo(expected);
    }

    @Test
    void negativeZeroBecomesZero() {
        RunSettings settings = small(ModelFamily.FLOW_MATCHING);
        settings.setSigmaMin(-0.0);
        settings.setLeakySlope(-0.0);

        TrainingConfig config = RunSettingsMapper.toTrainingConfig(settings);

        assertThat(Double.doubleToRawLongBits(config.flowMatching().sigmaMin())).isZero();
        assertThat(Double.doubleToRawLongBits(config.flowMatching().leakySlope())).isZero();
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void invalidSettingsAreRejectedWithEveryError(ModelFamily family) {
        RunSettings settings = small(family);
        settings.setPoints(null);
        settings.setLearningRate(Double.NaN);

        assertThatThrownBy(() -> RunSettingsMapper.toTrainingConfig(settings))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly(RunSettings.POINTS, RunSettings.LEARNING_RATE));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void theCoreAcceptsEverySettingAtTheEdgeOfItsBounds(ModelFamily family) {
        RunSettings lowest = small(family);
        lowest.setPoints(RunLimits.MIN_POINTS);
        lowest.setBatchSize(RunLimits.MIN_BATCH_SIZE);
        lowest.setLearningRate(RunLimits.MIN_LEARNING_RATE);
        lowest.setNfHiddenWidth(RunLimits.MIN_NF_HIDDEN_WIDTH);
        lowest.setSigmaMin(RunLimits.MIN_SIGMA_MIN);
        lowest.setLeakySlope(RunLimits.MIN_LEAKY_SLOPE);
        RunSettings highest = small(family);
        highest.setBatchSize(RunLimits.MAX_OPTIMAL_TRANSPORT_BATCH_SIZE);
        highest.setMinibatchOptimalTransport(true);
        highest.setLearningRate(RunLimits.MAX_LEARNING_RATE);
        highest.setSigmaMin(RunLimits.MAX_SIGMA_MIN);
        highest.setLeakySlope(RunLimits.MAX_LEAKY_SLOPE);
        highest.setSeed(RunLimits.MAX_SEED);
        highest.set(RunSettingsSchema.LOG_SCALE_BOUND.field(), RunLimits.MAX_LOG_SCALE_BOUND);
        highest.set(RunSettingsSchema.WEIGHT_DECAY.field(), RunLimits.MAX_WEIGHT_DECAY);
        highest.set(RunSettingsSchema.MAX_GRADIENT_NORM.field(), RunLimits.MAX_MAX_GRADIENT_NORM);

        assertThat(RunSettingsMapper.toTrainingConfig(lowest).learningRate()).isEqualTo(RunLimits.MIN_LEARNING_RATE);
        assertThat(RunSettingsMapper.toTrainingConfig(highest).seed()).isEqualTo(Long.MAX_VALUE);
    }

    static Stream<TrainingConfig> configurations() {
        return Stream.concat(
                Arrays.stream(ModelFamily.values()).map(family -> TrainingConfig.exercise(family, 7)),
                Stream.of(
                        new TrainingConfig(ModelFamily.NORMALIZING_FLOW, new CouplingFlowConfig(3, 5, 2, 0.05),
                                FlowMatchingConfig.EXERCISE, 9_999, 2, 100, 3e-3, LearningRateSchedule.CONSTANT,
                                123_456_789_012L, TrainingConfig.DEFAULT_REPORT_EVERY),
                        new TrainingConfig(ModelFamily.FLOW_MATCHING, CouplingFlowConfig.EXERCISE,
                                new FlowMatchingConfig(100, 7, 0.3, false, 8, 0.125, true), 600, 100, 8, 0.1,
                                LearningRateSchedule.COSINE, 0, TrainingConfig.DEFAULT_REPORT_EVERY),
                        new TrainingConfig(ModelFamily.CONDITIONAL_FLOW_MATCHING, CouplingFlowConfig.EXERCISE,
                                new FlowMatchingConfig(8, 2, 0, true, 64, 0.5, false), 1_000_000, 1, 4_096, 1e-6,
                                LearningRateSchedule.CONSTANT, Long.MAX_VALUE, TrainingConfig.DEFAULT_REPORT_EVERY)));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void aConfigurationSurvivesTheRoundTripThroughSettings(TrainingConfig config) {
        RunSettings settings = RunSettingsMapper.fromTrainingConfig(config, "fork");

        assertThat(settings.getName()).isEqualTo("fork");
        assertThat(RunSettingsValidator.validate(settings)).isEmpty();
        assertThat(RunSettingsMapper.toTrainingConfig(settings)).isEqualTo(config);
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void settingsSurviveTheRoundTripThroughAConfiguration(ModelFamily family) {
        RunSettings settings = RunPresets.smoke(family);
        settings.setName("my run");
        settings.setSeed(99L);

        RunSettings back = RunSettingsMapper.fromTrainingConfig(RunSettingsMapper.toTrainingConfig(settings), "my run");

        // the unused architecture comes back as the exercise's; the fields the family uses are unchanged
        for (RunSetting<?> setting : RunSettingsSchema.usedBy(family)) {
            assertThat(setting.get(back)).as(setting.field()).isEqualTo(setting.get(settings));
        }
    }

    @Test
    void forkingTakesTheFamilysLeakySlopeAndKeepsTheOtherArchitecture() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 0)
                .withCouplingFlow(new CouplingFlowConfig(7, 9, 3, 0.4))
                .withFlowMatching(new FlowMatchingConfig(32, 4, 0.2, false, 16, 0.1, true));

        RunSettings settings = RunSettingsMapper.fromTrainingConfig(config, "fork");

        assertThat(settings.getLeakySlope()).isEqualTo(0.2);
        assertThat(settings.getCouplingLayers()).isEqualTo(7);
        assertThat(settings.getNfHiddenWidth()).isEqualTo(9);
        assertThat(settings.getNfLinearLayers()).isEqualTo(3);
        assertThat(settings.getEmbeddingDim()).isEqualTo(16);
        assertThat(settings.getSigmaMin()).isEqualTo(0.1);
        assertThat(settings.getMinibatchOptimalTransport()).isTrue();
    }

    @Test
    void aForkOfAConfigurationBeyondTheBoundsIsReportedNotRepaired() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0).withEpochs(200);

        RunSettings settings = RunSettingsMapper.fromTrainingConfig(config, "fork");

        assertThat(settings.getEpochs()).isEqualTo(200);
        assertThat(RunSettingsValidator.validate(settings)).extracting(FieldError::field).containsExactly(RunSettings.EPOCHS);
    }
}
