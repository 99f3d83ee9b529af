package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowfield.flows.ModelFamily.CONDITIONAL_FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.NORMALIZING_FLOW;
import static org.flowfield.runs.settings.Settings.set;
import static org.flowfield.runs.settings.Settings.small;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flowfield.flows.ModelFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunSettingsValidatorTest {

    private static final Set<ModelFamily> ALL = EnumSet.allOf(ModelFamily.class);
    private static final Set<ModelFamily> NF = EnumSet.of(NORMALIZING_FLOW);
    private static final Set<ModelFamily> FM = EnumSet.of(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING);
    private static final Set<ModelFamily> CFM = EnumSet.of(CONDITIONAL_FLOW_MATCHING);

    private static List<FieldError> validate(RunSettings settings) {
        return RunSettingsValidator.validate(settings);
    }

    private static Stream<Arguments> forFamilies(Set<ModelFamily> families, Object... rest) {
        return families.stream().map(family -> {
            Object[] arguments = new Object[rest.length + 1];
            arguments[0] = family;
            System.arraycopy(rest, 0, arguments, 1, rest.length);
            return Arguments.of(arguments);
        });
    }

    static Stream<Arguments> wholeNumberBounds() {
        return Stream.of(
                forFamilies(ALL, RunSettings.POINTS, RunLimits.MIN_POINTS, RunLimits.MAX_POINTS,
                        "Training points must be between 500 and 1,000,000"),
                forFamilies(ALL, RunSettings.EPOCHS, RunLimits.MIN_EPOCHS, RunLimits.MAX_EPOCHS,
                        "Epochs must be between 1 and 100"),
                forFamilies(NF, RunSettings.COUPLING_LAYERS, RunLimits.MIN_COUPLING_LAYERS, RunLimits.MAX_COUPLING_LAYERS,
                        "Coupling layers must be between 1 and 64"),
                forFamilies(NF, RunSettings.NF_HIDDEN_WIDTH, RunLimits.MIN_NF_HIDDEN_WIDTH, RunLimits.MAX_NF_HIDDEN_WIDTH,
                        "Width of each coupling network must be between 1 and 256"),
                forFamilies(NF, RunSettings.NF_LINEAR_LAYERS, RunLimits.MIN_NF_LINEAR_LAYERS, RunLimits.MAX_NF_LINEAR_LAYERS,
                        "Linear layers per coupling network must be between 2 and 10"),
                forFamilies(FM, RunSettings.FM_HIDDEN_WIDTH, RunLimits.MIN_FM_HIDDEN_WIDTH, RunLimits.MAX_FM_HIDDEN_WIDTH,
                        "Width of the vector field must be between 8 and 512"),
                forFamilies(FM, RunSettings.FM_LINEAR_LAYERS, RunLimits.MIN_FM_LINEAR_LAYERS, RunLimits.MAX_FM_LINEAR_LAYERS,
                        "Linear layers of the vector field must be between 2 and 10"),
                forFamilies(CFM, RunSettings.EMBEDDING_DIM, RunLimits.MIN_EMBEDDING_DIM, RunLimits.MAX_EMBEDDING_DIM,
                        "Class embedding size must be between 1 and 64"))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wholeNumberBounds")
    void wholeNumbersAreAcceptedAtTheirBoundsAndRejectedJustBeyond(
            ModelFamily family, String field, int min, int max, String message) {
        assertThat(validate(set(small(family), field, min))).isEmpty();
        assertThat(validate(set(small(family), field, max))).isEmpty();

        for (int outside : new int[] {min - 1, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(validate(set(small(family), field, outside)))
                    .containsExactly(new FieldError(field, message + ", not " + RunSettingsValidator.whole(outside)));
        }
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void batchSizeIsAcceptedAtItsBoundsAndRejectedJustBeyond(ModelFamily family) {
        String message = "Batch size must be between 8 and 4,096";
        assertThat(validate(set(small(family), RunSettings.BATCH_SIZE, RunLimits.MIN_BATCH_SIZE))).isEmpty();
        assertThat(validate(set(small(family), RunSettings.BATCH_SIZE, RunLimits.MAX_BATCH_SIZE))).isEmpty();
        assertThat(validate(set(small(family), RunSettings.BATCH_SIZE, 7)))
                .containsExactly(new FieldError(RunSettings.BATCH_SIZE, message + ", not 7"));
        assertThat(validate(set(small(family), RunSettings.BATCH_SIZE, 4_097)))
                .containsExactly(new FieldError(RunSettings.BATCH_SIZE, message + ", not 4,097"));
        assertThat(validate(set(small(family), RunSettings.BATCH_SIZE, -128)))
                .containsExactly(new FieldError(RunSettings.BATCH_SIZE, message + ", not -128"));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void batchSizeMustNotExceedThePoints(ModelFamily family) {
        RunSettings settings = small(family);
        settings.setPoints(1_000);
        settings.setBatchSize(1_000);
        assertThat(validate(settings)).isEmpty();

        settings.setBatchSize(1_001);
        assertThat(validate(settings)).containsExactly(
                new FieldError(RunSettings.BATCH_SIZE, "Batch size must not exceed the number of points"));
    }

    static Stream<Arguments> decimalBounds() {
        return Stream.of(
                forFamilies(ALL, RunSettings.LEARNING_RATE, RunLimits.MIN_LEARNING_RATE, RunLimits.MAX_LEARNING_RATE,
                        "Learning rate must be between 0.000001 and 0.1"),
                forFamilies(FM, RunSettings.SIGMA_MIN, RunLimits.MIN_SIGMA_MIN, RunLimits.MAX_SIGMA_MIN,
                        "σ_min of the probability path must be between 0 and 0.5"),
                forFamilies(ALL, RunSettings.LEAKY_SLOPE, RunLimits.MIN_LEAKY_SLOPE, RunLimits.MAX_LEAKY_SLOPE,
                        "LeakyReLU slope must be between 0 and 0.5"))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decimalBounds")
    void decimalsAreAcceptedAtTheirBoundsAndRejectedJustBeyond(
            ModelFamily family, String field, double min, double max, String message) {
        assertThat(validate(set(small(family), field, min))).isEmpty();
        assertThat(validate(set(small(family), field, max))).isEmpty();

        for (double outside : new double[] {Math.nextDown(min), Math.nextUp(max), -1.0, 1e308}) {
            assertThat(validate(set(small(family), field, outside)))
                    .containsExactly(new FieldError(field, message + ", not " + RunSettingsValidator.shown(outside)));
        }
        String label = RunSettings.labelOf(field);
        assertThat(validate(set(small(family), field, Double.POSITIVE_INFINITY)))
                .containsExactly(new FieldError(field, label + " must be a finite number; Infinity is not one"));
        assertThat(validate(set(small(family), field, Double.NEGATIVE_INFINITY)))
                .containsExactly(new FieldError(field, label + " must be a finite number; -Infinity is not one"));
        assertThat(validate(set(small(family), field, Double.NaN)))
                .containsExactly(new FieldError(field, label + " must be a finite number; NaN is not one"));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void learningRateMustBeANumberGreaterThanZero(ModelFamily family) {
        assertThat(validate(set(small(family), RunSettings.LEARNING_RATE, Double.NaN))).containsExactly(
                new FieldError(RunSettings.LEARNING_RATE, "Learning rate must be a finite number; NaN is not one"));
        assertThat(validate(set(small(family), RunSettings.LEARNING_RATE, 0.0))).containsExactly(
                new FieldError(RunSettings.LEARNING_RATE, "Learning rate must be between 0.000001 and 0.1, not 0"));
        assertThat(validate(set(small(family), RunSettings.LEARNING_RATE, -0.0))).containsExactly(
                new FieldError(RunSettings.LEARNING_RATE, "Learning rate must be between 0.000001 and 0.1, not -0"));
        assertThat(validate(set(small(family), RunSettings.LEARNING_RATE, Double.MIN_VALUE))).hasSize(1);
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.SIGMA_MIN, -0.0))).isEmpty();
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.LEAKY_SLOPE, -0.0))).isEmpty();
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(ModelFamily.values())
                .flatMap(family -> RunSettings.fieldsFor(family).stream()
                        .filter(field -> !field.equals(RunSettings.FAMILY))
                        .filter(field -> !RunSettingsSchema.of(field).optional())
                        .map(field -> Arguments.of(family, field)));
    }

    static Stream<Arguments> optionalFields() {
        return Stream.of(ModelFamily.values())
                .flatMap(family -> RunSettingsSchema.usedBy(family).stream()
                        .filter(RunSetting::optional)
                        .map(setting -> Arguments.of(family, setting.field())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optionalFields")
    void anEmptyOptionalSettingMeansTheExercisesValue(ModelFamily family, String field) {
        RunSettings settings = set(small(family), field, null);

        assertThat(validate(settings)).isEmpty();
        RunSetting<?> setting = RunSettingsSchema.of(field);
        assertThat(setting.valueIn(RunSettingsMapper.toTrainingConfig(settings)))
                .isEqualTo(setting.valueIn(org.flowfield.training.TrainingConfig.exercise(family, 0)));
    }

    @Test
    void aClassConditionalModelNeedsADataSetWithClasses() {
        RunSettings settings = set(small(CONDITIONAL_FLOW_MATCHING), RunSettingsSchema.DATA_SET.field(),
                org.flowfield.data.DataSet.CHECKERBOARD);

        assertThat(validate(settings)).containsExactly(new FieldError(RunSettingsSchema.DATA_SET.field(),
                "Checkerboard has no classes, so a class-conditional model cannot learn it"));
        assertThat(validate(set(settings, RunSettingsSchema.DATA_SET.field(), org.flowfield.data.DataSet.MOONS))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredFields")
    void everyFieldTheFamilyUsesIsRequired(ModelFamily family, String field) {
        assertThat(validate(set(small(family), field, null)))
                .containsExactly(new FieldError(field, RunSettings.labelOf(field) + " is required"));
    }

    @Test
    void requiredMessages() {
        assertThat(validate(set(small(NORMALIZING_FLOW), RunSettings.EPOCHS, null)))
                .extracting(FieldError::message).containsExactly("Epochs is required");
        assertThat(validate(set(small(CONDITIONAL_FLOW_MATCHING), RunSettings.MINIBATCH_OPTIMAL_TRANSPORT, null)))
                .extracting(FieldError::message).containsExactly("Minibatch optimal transport is required");
    }

    static Stream<Arguments> unusedFields() {
        return Stream.of(ModelFamily.values())
                .flatMap(family -> RunSettings.ALL_FIELDS.stream()
                        .filter(field -> !RunSettings.fieldsFor(family).contains(field))
                        .map(field -> Arguments.of(family, field)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unusedFields")
    void fieldsTheFamilyDoesNotUseAreNeitherRequiredNorChecked(ModelFamily family, String field) {
        assertThat(validate(set(small(family), field, null))).isEmpty();
        RunSetting<?> setting = RunSettingsSchema.of(field);
        Object nonsense = switch (setting.kind()) {
            case DECIMAL -> Double.NaN;
            case FLAG -> Boolean.TRUE;
            case CHOICE -> setting.choices().getLast();
            default -> -1;
        };
        assertThat(validate(set(small(family), field, nonsense))).isEmpty();
    }

    @Test
    void optimalTransportIsIgnoredForNormalizingFlowsEvenWithAHugeBatch() {
        RunSettings settings = small(NORMALIZING_FLOW);
        settings.setMinibatchOptimalTransport(true);
        settings.setBatchSize(4_096);
        assertThat(validate(settings)).isEmpty();
    }

    @Test
    void aMissingFamilyIsReportedAndTheSharedFieldsStillChecked() {
        RunSettings settings = small(NORMALIZING_FLOW);
        settings.setFamily(null);
        settings.setCouplingLayers(-1); // not checked: without a family, nobody knows whether it is used
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.FAMILY, "Model is required"));

        settings.setEpochs(0);
        settings.setPoints(4_000);
        settings.setBatchSize(4_096);
        assertThat(validate(settings)).containsExactly(
                new FieldError(RunSettings.FAMILY, "Model is required"),
                new FieldError(RunSettings.EPOCHS, "Epochs must be between 1 and 100, not 0"),
                new FieldError(RunSettings.BATCH_SIZE, "Batch size must not exceed the number of points"));
    }

    @Test
    void emptySettingsReportEverySharedFieldAsMissing() {
        assertThat(validate(new RunSettings())).extracting(FieldError::message).containsExactly(
                "Name is required",
                "Model is required",
                "Training points is required",
                "Epochs is required",
                "Batch size is required",
                "Learning rate is required",
                "Learning-rate schedule is required",
                "Seed is required",
                "LeakyReLU slope is required"); // every family has one
    }

    @Test
    void settingsWithOnlyAFamilyReportEveryFieldOfThatFamilyAsMissing() {
        RunSettings settings = new RunSettings();
        settings.setFamily(CONDITIONAL_FLOW_MATCHING);
        List<String> expected = new ArrayList<>(RunSettings.fieldsFor(CONDITIONAL_FLOW_MATCHING));
        expected.remove(RunSettings.FAMILY);
        expected.removeIf(field -> RunSettingsSchema.of(field).optional());
        assertThat(validate(settings)).extracting(FieldError::field).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void severalErrorsAreReportedTogetherInTheOrderOfTheForm() {
        RunSettings settings = small(FLOW_MATCHING);
        settings.setName("  ");
        settings.setPoints(100);
        settings.setEpochs(null);
        settings.setLearningRate(Double.NaN);
        settings.setSeed(-1L);
        settings.setFmHiddenWidth(1_000);
        settings.setSigmaMin(Double.POSITIVE_INFINITY);

        List<FieldError> errors = validate(settings);

        assertThat(errors).containsExactly(
                new FieldError(RunSettings.NAME, "Name must not be blank"),
                new FieldError(RunSettings.POINTS, "Training points must be between 500 and 1,000,000, not 100"),
                new FieldError(RunSettings.EPOCHS, "Epochs is required"),
                new FieldError(RunSettings.LEARNING_RATE, "Learning rate must be a finite number; NaN is not one"),
                new FieldError(RunSettings.SEED, "Seed must be 0 or more, not -1"),
                new FieldError(RunSettings.FM_HIDDEN_WIDTH, "Width of the vector field must be between 8 and 512, not 1,000"),
                new FieldError(RunSettings.SIGMA_MIN, "σ_min of the probability path must be a finite number; Infinity is not one"));
        assertThat(FieldError.byField(errors)).containsKeys(
                RunSettings.NAME, RunSettings.POINTS, RunSettings.EPOCHS, RunSettings.LEARNING_RATE,
                RunSettings.SEED, RunSettings.FM_HIDDEN_WIDTH, RunSettings.SIGMA_MIN);
    }

    @Test
    void nameRules() {
        RunSettings settings = small(NORMALIZING_FLOW);
        assertThat(validate(set(settings, RunSettings.NAME, "x"))).isEmpty();
        assertThat(validate(set(settings, RunSettings.NAME, "n".repeat(80)))).isEmpty();
        assertThat(validate(set(settings, RunSettings.NAME, "  " + "n".repeat(80) + "  "))).isEmpty();
        assertThat(validate(set(settings, RunSettings.NAME, "🌀".repeat(40)))).as("UTF-16 units, as H2 counts them").isEmpty();

        assertThat(validate(set(settings, RunSettings.NAME, "n".repeat(81))))
                .containsExactly(new FieldError(RunSettings.NAME, "Name must be at most 80 characters; this one has 81"));
        assertThat(validate(set(settings, RunSettings.NAME, "🌀".repeat(41)))).containsExactly(new FieldError(RunSettings.NAME,
                "Name must be at most 80 characters; this one has 82 (an emoji and some rare characters count as 2)"));
        assertThat(validate(set(settings, RunSettings.NAME, "")))
                .containsExactly(new FieldError(RunSettings.NAME, "Name must not be blank"));
        assertThat(validate(set(settings, RunSettings.NAME, " \t\n")))
                .containsExactly(new FieldError(RunSettings.NAME, "Name must not be blank"));
        assertThat(validate(set(settings, RunSettings.NAME, "first\nsecond"))).containsExactly(new FieldError(
                RunSettings.NAME, "Name must not contain line breaks, tabs or other control characters; "
                        + "it has U+000A (line feed (lf)) at position 6"));
    }

    @Test
    void seedRules() {
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.SEED, 0L))).isEmpty();
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.SEED, Long.MAX_VALUE))).isEmpty();
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.SEED, -1L)))
                .containsExactly(new FieldError(RunSettings.SEED, "Seed must be 0 or more, not -1"));
        assertThat(validate(set(small(FLOW_MATCHING), RunSettings.SEED, Long.MIN_VALUE)))
                .containsExactly(new FieldError(RunSettings.SEED, "Seed must be 0 or more, not -9,223,372,036,854,775,808"));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void pointsTimesEpochsIsBounded(ModelFamily family) {
        RunSettings settings = RunPresets.exerciseDefaults(family);
        settings.setEpochs(80); // 250,000 × 80 = 20,000,000
        assertThat(validate(settings)).isEmpty();

        settings.setEpochs(81);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.EPOCHS,
                "Points × epochs must be at most 20,000,000 (this run: 20,250,000)"));

        settings.setPoints(1_000_000);
        settings.setEpochs(21);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.EPOCHS,
                "Points × epochs must be at most 20,000,000 (this run: 21,000,000)"));
    }

    @Test
    void pointsTimesEpochsNamesTheRunsTotal() {
        RunSettings settings = RunPresets.exerciseDefaults(FLOW_MATCHING);
        settings.setPoints(1_000_000);
        settings.setEpochs(40);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.EPOCHS,
                "Points × epochs must be at most 20,000,000 (this run: 40,000,000)"));
    }

    @Test
    void pointsTimesEpochsIsBoundedWithoutAFamilyToo() {
        RunSettings settings = set(small(FLOW_MATCHING), RunSettings.FAMILY, null);
        settings.setPoints(1_000_000);
        settings.setEpochs(21);
        assertThat(validate(settings)).extracting(FieldError::message).containsExactly(
                "Model is required", "Points × epochs must be at most 20,000,000 (this run: 21,000,000)");
    }

    @Test
    void layerStepsAreBounded() {
        // 250,000 points in batches of 16 are 15,625 steps an epoch; × 75 layers per step
        RunSettings settings = RunPresets.exerciseDefaults(NORMALIZING_FLOW);
        settings.setBatchSize(16);
        settings.setEpochs(17); // 265,625 × 75 = 19,921,875
        assertThat(validate(settings)).isEmpty();

        settings.setEpochs(18);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.BATCH_SIZE,
                "Optimizer steps × layers per step must be at most 20,000,000"
                        + " (this run: 281,250 steps × 75 layers = 21,093,750)"));
    }

    @Test
    void layerStepsCountTheVectorFieldsLayersForFlowMatching() {
        RunSettings settings = RunPresets.exerciseDefaults(FLOW_MATCHING);
        settings.setBatchSize(8);
        settings.setEpochs(80); // 2,500,000 steps × 5 layers
        assertThat(validate(settings)).isEmpty();
        settings.setFmLinearLayers(9); // 2,500,000 steps × 9 layers = 22,500,000
        assertThat(validate(settings)).extracting(FieldError::field).containsExactly(RunSettings.BATCH_SIZE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theBatchOfMinibatchOptimalTransportIsBounded(boolean conditional) {
        RunSettings settings = small(conditional ? CONDITIONAL_FLOW_MATCHING : FLOW_MATCHING);
        settings.setMinibatchOptimalTransport(true);
        settings.setBatchSize(256);
        assertThat(validate(settings)).isEmpty();

        settings.setBatchSize(257);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.BATCH_SIZE,
                "Batch size must be at most 256 with minibatch optimal transport"));

        settings.setMinibatchOptimalTransport(false);
        assertThat(validate(settings)).isEmpty();
    }

    @Test
    void theNetworkSizeIsBoundedOnTheFamilysWidth() {
        RunSettings fm = small(FLOW_MATCHING);
        fm.setFmHiddenWidth(256);
        fm.setFmLinearLayers(5); // 198,914 weights
        assertThat(validate(fm)).isEmpty();
        fm.setFmLinearLayers(6); // + 65,792
        assertThat(validate(fm)).containsExactly(new FieldError(RunSettings.FM_HIDDEN_WIDTH,
                "The network must have at most 200,000 weights (this one: 264,706)"));

        RunSettings nf = small(NORMALIZING_FLOW);
        nf.setCouplingLayers(15);
        nf.setNfHiddenWidth(64);
        nf.setNfLinearLayers(5);
        assertThat(validate(nf)).containsExactly(new FieldError(RunSettings.NF_HIDDEN_WIDTH,
                "The network must have at most 200,000 weights (this one: 380,190)"));
    }

    @Test
    void theClassEmbeddingCountsForClassConditionalModelsOnly() {
        RunSettings settings = small(FLOW_MATCHING);
        settings.setFmHiddenWidth(256);
        settings.setFmLinearLayers(5);
        settings.setEmbeddingDim(64);
        assertThat(validate(settings)).isEmpty();

        settings.setFamily(CONDITIONAL_FLOW_MATCHING); // 198,914 + 64 inputs × 256 + 5 × 64 embedding values
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.FM_HIDDEN_WIDTH,
                "The network must have at most 200,000 weights (this one: 215,618)"));
    }

    @Test
    void theTrainingWorkIsBounded() {
        RunSettings settings = RunPresets.exerciseDefaults(FLOW_MATCHING);
        settings.setFmHiddenWidth(256); // 198,914 weights × 5,000,000 point-epochs
        assertThat(validate(settings)).isEmpty();

        settings.setPoints(260_000);
        assertThat(validate(settings)).containsExactly(new FieldError(RunSettings.POINTS,
                "Network weights × points × epochs must be at most 1,000,000,000,000 (this run: 1,034,352,800,000)"));
    }

    @Test
    void theTrainingWorkIsNotReportedOnTopOfTheBoundsItCombines() {
        RunSettings settings = RunPresets.exerciseDefaults(FLOW_MATCHING);
        settings.setFmHiddenWidth(512);
        settings.setEpochs(100);
        assertThat(validate(settings)).extracting(FieldError::field)
                .containsExactly(RunSettings.EPOCHS, RunSettings.FM_HIDDEN_WIDTH);
    }

    @Test
    void combinedBoundsWaitForTheirFieldsToBeValid() {
        RunSettings settings = RunPresets.exerciseDefaults(NORMALIZING_FLOW);
        settings.setPoints(2_000_000);
        settings.setEpochs(100);
        settings.setBatchSize(8);
        assertThat(validate(settings)).containsExactly(
                new FieldError(RunSettings.POINTS, "Training points must be between 500 and 1,000,000, not 2,000,000"));
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void theExercisesDefaultsAreWellInsideEveryBound(ModelFamily family) {
        RunSettings settings = RunPresets.exerciseDefaults(family);
        assertThat(validate(settings)).isEmpty();
        RunCost cost = RunCost.of(RunSettingsMapper.toTrainingConfig(settings));
        assertThat(cost.pointEpochs()).isLessThanOrEqualTo(RunLimits.MAX_POINT_EPOCHS / 4);
        assertThat(cost.layerSteps()).isLessThanOrEqualTo(RunLimits.MAX_LAYER_STEPS / 6);
        assertThat(cost.networkWeights()).isLessThanOrEqualTo(RunLimits.MAX_NETWORK_WEIGHTS / 10);
        assertThat(cost.trainingWork()).isLessThanOrEqualTo(RunLimits.MAX_TRAINING_WORK / 10);
    }

    @Test
    void requireValidThrowsWithEveryError() {
        RunSettings settings = small(CONDITIONAL_FLOW_MATCHING);
        settings.setEpochs(0);
        settings.setEmbeddingDim(null);

        assertThatThrownBy(() -> RunSettingsValidator.requireValid(settings))
                .isInstanceOfSatisfying(InvalidRunSettingsException.class, e -> {
                    assertThat(e.errors()).containsExactly(
                            new FieldError(RunSettings.EPOCHS, "Epochs must be between 1 and 100, not 0"),
                            new FieldError(RunSettings.EMBEDDING_DIM, "Class embedding size is required"));
                    assertThat(e).hasMessage("Epochs must be between 1 and 100, not 0; Class embedding size is required");
                });
        assertThatNoException().isThrownBy(() -> RunSettingsValidator.requireValid(small(CONDITIONAL_FLOW_MATCHING)));
    }

    @Test
    void messagesOfOneField() {
        RunSettings settings = small(FLOW_MATCHING);
        settings.setPoints(100);
        settings.setBatchSize(5_000);
        assertThat(RunSettingsValidator.messagesFor(settings, RunSettings.BATCH_SIZE))
                .containsExactly("Batch size must be between 8 and 4,096, not 5,000");
        assertThat(RunSettingsValidator.messagesFor(settings, RunSettings.EPOCHS)).isEmpty();
        assertThatThrownBy(() -> RunSettingsValidator.messagesFor(settings, "colour"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validationChangesNothing() {
        RunSettings settings = small(FLOW_MATCHING);
        settings.setPoints(-5);
        RunSettings before = settings.copy();
        validate(settings);
        assertThat(settings).isEqualTo(before);
    }
}
