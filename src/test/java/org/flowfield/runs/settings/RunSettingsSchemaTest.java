package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;
import org.junit.jupiter.api.Test;

/** The declarations themselves: consistent with the bean, the codec, the bounds and one another. */
class RunSettingsSchemaTest {

    /** Keys of the stored configuration that are no user setting. */
    /** Keys of the codec no user sets: the report interval, and the classes of one's own data set (they follow from the data set). */
    private static final Set<String> NOT_SETTINGS = Set.of("reportEvery", "userData.classes");

    @Test
    void everyBeanPropertyIsDeclaredOnceInTheOrderOfTheForm() {
        assertThat(RunSettingsSchema.ALL).extracting(RunSetting::field).containsExactlyElementsOf(RunSettings.ALL_FIELDS).doesNotHaveDuplicates();
        assertThat(RunSettingsSchema.ALL).extracting(RunSetting::label).doesNotHaveDuplicates().allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(RunSettingsSchema.ALL).extracting(RunSetting::option).filteredOn(Objects::nonNull).doesNotHaveDuplicates()
                .allSatisfy(option -> assertThat(option).matches("--[a-z]+(-[a-z]+)*"));
    }

    @Test
    void everyStoredKeyOfEveryFamilyIsOneTheCodecWritesAndEveryKeyItWritesIsASetting() {
        Set<String> declared = new HashSet<>(NOT_SETTINGS);
        for (ModelFamily family : ModelFamily.values()) {
            Set<String> keys = TrainingConfigCodec.encode(TrainingConfig.exercise(family, 0)).keySet();
            for (RunSetting<?> setting : RunSettingsSchema.ALL) {
                if (setting.stored()) {
                    assertThat(keys).as(setting + " of " + family).contains(setting.storedKey(family));
                    declared.add(setting.storedKey(family));
                }
            }
        }
        // a key the core adds is a new setting: declare it in RunSettingsSchema, or list it above if no user sets it
        for (ModelFamily family : ModelFamily.values()) {
            assertThat(declared).as(family.code()).containsAll(TrainingConfigCodec.encode(TrainingConfig.exercise(family, 0)).keySet());
        }
    }

    @Test
    void aRunStoredBeforeTheSchemaReadsAsTheSameSettings() {
        // the settings column of a flow-matching run as the codec wrote it before the schema existed;
        // a setting added later reads as its default for old rows: add it to the expected settings
        Map<String, String> stored = new LinkedHashMap<>();
        for (String line : """
                family=fm
                points=40000
                epochs=12
                batchSize=256
                learningRate=5.0E-4
                schedule=CONSTANT
                seed=17
                reportEvery=50
                nf.couplingLayers=15
                nf.hiddenWidth=8
                nf.linearLayers=5
                nf.leakySlope=0.01
                fm.hiddenWidth=96
                fm.linearLayers=4
                fm.leakySlope=0.2
                fm.embeddingDim=8
                fm.sigmaMin=0.05
                fm.minibatchOptimalTransport=true
                """.strip().split("\n")) {
            stored.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }

        RunSettings settings = RunSettingsMapper.fromTrainingConfig(TrainingConfigCodec.decode(stored), "old run");

        RunSettings expected = new RunSettings();
        expected.setName("old run");
        expected.setFamily(ModelFamily.FLOW_MATCHING);
        expected.set(RunSettingsSchema.DATA_SET.field(), org.flowfield.data.DataSet.RINGS);
        expected.set(RunSettingsSchema.SOURCE.field(), org.flowfield.flows.SourceDistribution.STANDARD_NORMAL);
        expected.set(RunSettingsSchema.ACTIVATION.field(), org.flowfield.flows.Activation.LEAKY_RELU);
        expected.set(RunSettingsSchema.LOG_SCALE_BOUND.field(), 0.0);
        expected.set(RunSettingsSchema.TRANSPORT_WITHIN_CLASSES.field(), false);
        expected.set(RunSettingsSchema.WEIGHT_DECAY.field(), 0.0);
        expected.set(RunSettingsSchema.MAX_GRADIENT_NORM.field(), 0.0);
        expected.set(RunSettingsSchema.PATH_SIGMA.field(), 0.0);
        expected.set(RunSettingsSchema.STANDARDIZE.field(), true);
        expected.setPoints(40_000);
        expected.setEpochs(12);
        expected.setBatchSize(256);
        expected.setLearningRate(5e-4);
        expected.setSchedule(LearningRateSchedule.CONSTANT);
        expected.setSeed(17L);
        expected.setCouplingLayers(15);
        expected.setNfHiddenWidth(8);
        expected.setNfLinearLayers(5);
        expected.setFmHiddenWidth(96);
        expected.setFmLinearLayers(4);
        expected.setEmbeddingDim(8);
        expected.setSigmaMin(0.05);
        expected.setMinibatchOptimalTransport(true);
        expected.setLeakySlope(0.2);
        assertThat(settings).isEqualTo(expected);
        assertThat(RunSettingsMapper.toTrainingConfig(settings)).isEqualTo(TrainingConfigCodec.decode(stored));
    }

    @Test
    void boundsHaveTheSettingsTypeAndReasonsAndHoldEveryFamilysDefault() {
        for (RunSetting<?> setting : RunSettingsSchema.ALL) {
            if (SettingText.numeric(setting)) {
                assertThat(setting.min()).as(setting + " min").isNotNull();
                assertThat(setting.max()).as(setting + " max").isNotNull();
                assertThat(setting.min().value()).as(setting.toString()).isInstanceOf(setting.type());
                assertThat(setting.max().value()).as(setting.toString()).isInstanceOf(setting.type());
                assertThat(setting.min().reason()).isNotBlank();
                assertThat(setting.max().reason()).isNotBlank();
            }
        }
        for (ModelFamily family : ModelFamily.values()) {
            // the presets start from the exercise's recipe: each family's defaults are valid
            assertThat(RunSettingsValidator.validate(RunPresets.exerciseDefaults(family))).as(family.code()).isEmpty();
        }
    }

    @Test
    void everyValueReadsBackFromItsTypedStoredAndShownForms() {
        for (ModelFamily family : ModelFamily.values()) {
            RunSettings defaults = RunPresets.exerciseDefaults(family);
            for (RunSetting<?> setting : RunSettingsSchema.usedBy(family)) {
                assertRoundTrips(setting, defaults);
            }
        }
    }

    private static <T> void assertRoundTrips(RunSetting<T> setting, RunSettings settings) {
        T value = setting.get(settings);
        assertThat(setting.read(setting.typed(value))).as(setting.toString()).isEqualTo(value);
        if (setting.stored()) {
            assertThat(setting.fromStored(setting.toStored(value))).as(setting.toString()).isEqualTo(value);
        }
        assertThat(setting.shown(value)).as(setting.toString()).isNotBlank();
    }

    @Test
    void summariesUseTheUnitOrTheLabel() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0);
        assertThat(RunSettingsSchema.summarized(RunSettingsSchema.POINTS, config)).isEqualTo("250,000 points");
        assertThat(RunSettingsSchema.summarized(RunSettingsSchema.LEARNING_RATE, config)).isEqualTo("learning rate 0.001");
        assertThat(RunSettingsSchema.summarized(RunSettingsSchema.LEAKY_SLOPE, config)).isEqualTo("LeakyReLU slope 0.01");
        assertThat(RunSettingsSchema.POINTS.range()).isEqualTo("500 to 1,000,000 points");
        assertThat(RunSettingsSchema.SEED.range()).isEqualTo("A whole number, 0 or more");
        assertThat(RunSettingsSchema.POINTS.reasons()).isEqualTo("At least 500: 100 per ring still shows the five rings. "
                + "At most 1,000,000: four times the exercise's 250,000.");
    }
}
