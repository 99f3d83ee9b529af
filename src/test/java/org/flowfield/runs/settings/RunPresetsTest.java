package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunPresetsTest {

    static Stream<Arguments> presetsAndFamilies() {
        return Arrays.stream(RunPreset.values())
                .flatMap(preset -> Arrays.stream(ModelFamily.values()).map(family -> Arguments.of(preset, family)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("presetsAndFamilies")
    void everyPresetIsValidAndConvertsForEveryFamily(RunPreset preset, ModelFamily family) {
        RunSettings settings = preset.settings(family);

        assertThat(RunSettingsValidator.validate(settings)).isEmpty();
        assertThat(settings).hasNoNullFieldsOrProperties();
        assertThat(settings.getFamily()).isEqualTo(family);
        assertThat(settings.getName()).startsWith(family.title());
        TrainingConfig config = RunSettingsMapper.toTrainingConfig(settings);
        assertThat(config.family()).isEqualTo(family);
        assertThat(config.flowMatching().conditional()).isEqualTo(family.conditional());
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("presetsAndFamilies")
    void everyPresetIsValidForEveryFamilyAfterSwitchingTheFamilyInTheForm(RunPreset preset, ModelFamily family) {
        for (ModelFamily other : ModelFamily.values()) {
            RunSettings settings = preset.settings(family);
            settings.setFamily(other);
            assertThat(RunSettingsValidator.validate(settings)).as("switched to " + other).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("presetsAndFamilies")
    void eachCallReturnsFreshSettings(RunPreset preset, ModelFamily family) {
        RunSettings first = preset.settings(family);
        first.setEpochs(99);
        first.setName("changed");

        RunSettings second = preset.settings(family);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getEpochs()).isNotEqualTo(99);
        assertThat(second.getName()).isNotEqualTo("changed");
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void exerciseDefaultsAreTheExercisesRecipe(ModelFamily family) {
        RunSettings settings = RunPresets.exerciseDefaults(family);

        assertThat(RunSettingsMapper.toTrainingConfig(settings)).isEqualTo(TrainingConfig.exercise(family, 0));
        assertThat(settings.getPoints()).isEqualTo(250_000);
        assertThat(settings.getEpochs()).isEqualTo(20);
        assertThat(settings.getBatchSize()).isEqualTo(128);
        assertThat(settings.getLearningRate()).isEqualTo(1e-3);
        assertThat(settings.getSchedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(settings.getSeed()).isZero();
        assertThat(settings.getCouplingLayers()).isEqualTo(15);
        assertThat(settings.getNfHiddenWidth()).isEqualTo(8);
        assertThat(settings.getNfLinearLayers()).isEqualTo(5);
        assertThat(settings.getFmHiddenWidth()).isEqualTo(64);
        assertThat(settings.getFmLinearLayers()).isEqualTo(5);
        assertThat(settings.getEmbeddingDim()).isEqualTo(8);
        assertThat(settings.getSigmaMin()).isZero();
        assertThat(settings.getMinibatchOptimalTransport()).isFalse();
        assertThat(settings.getLeakySlope()).isEqualTo(0.01);
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void quickIsTheExercisesRecipeWithSevenEpochs(ModelFamily family) {
        assertThat(RunSettingsMapper.toTrainingConfig(RunPresets.quick(family)))
                .isEqualTo(TrainingConfig.exercise(family, 0).withEpochs(7));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void smokeIsTinyAndUsesSmallNetworks(ModelFamily family) {
        TrainingConfig config = RunSettingsMapper.toTrainingConfig(RunPresets.smoke(family));

        assertThat(config.points()).isEqualTo(2_000);
        assertThat(config.epochs()).isEqualTo(3);
        assertThat(config.totalSteps()).isEqualTo(48);
        if (family == ModelFamily.NORMALIZING_FLOW) {
            assertThat(config.couplingFlow()).isEqualTo(new CouplingFlowConfig(4, 8, 3, 0.01));
            assertThat(config.flowMatching()).isEqualTo(FlowMatchingConfig.EXERCISE);
        } else {
            assertThat(config.flowMatching())
                    .isEqualTo(new FlowMatchingConfig(32, 3, 0.01, family.conditional(), 8, 0, false));
            assertThat(config.couplingFlow()).isEqualTo(CouplingFlowConfig.EXERCISE);
        }
        RunCost cost = RunCost.of(config);
        RunCost exercise = RunCost.of(TrainingConfig.exercise(family, 0));
        assertThat(cost.trainingWork()).isLessThan(exercise.trainingWork() / 100);
        assertThat(cost.networkWeights()).isLessThan(exercise.networkWeights());
    }

    @Test
    void presetsInTheFormsOrderWithTheirDisplayNames() {
        assertThat(Arrays.stream(RunPreset.values()).map(RunPreset::displayName)).containsExactly(
                "Exercise defaults",
                "Quick: 7 epochs, as the exercise suggests for debugging",
                "Smoke test: seconds");
    }

    @Test
    void presetsProposeANameFromFamilyAndPreset() {
        assertThat(RunPresets.exerciseDefaults(ModelFamily.NORMALIZING_FLOW).getName())
                .isEqualTo("Normalizing flow, exercise defaults");
        assertThat(RunPresets.quick(ModelFamily.FLOW_MATCHING).getName()).isEqualTo("Flow matching, quick");
        assertThat(RunPresets.smoke(ModelFamily.CONDITIONAL_FLOW_MATCHING).getName())
                .isEqualTo("Class-conditional flow matching, smoke test");
    }
}
