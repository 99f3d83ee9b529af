package org.flowfield.runs.settings;

import static org.flowfield.flows.ModelFamily.CONDITIONAL_FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.FLOW_MATCHING;
import static org.flowfield.flows.ModelFamily.NORMALIZING_FLOW;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowfield.data.DataSet;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.runs.settings.RunSetting.Kind;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;

/**
 * Every run setting, declared once, in the order of the form. The form, the validator, the
 * conversion to a {@link TrainingConfig} and back (storage, fork, presets), the comparison table,
 * the run lists, the API's JSON and the command line all iterate {@link #ALL} instead of naming
 * settings. The numbers of the bounds are {@link RunLimits}' constants.
 */
public final class RunSettingsSchema {

    private RunSettingsSchema() {}

    public static final RunSetting<String> NAME = RunSetting.of(RunSettings.NAME, String.class, Kind.TEXT, "Name")
            .max(RunLimits.MAX_NAME_LENGTH, "long enough to describe a run, short enough for a list")
            .bean(RunSettings::getName, RunSettings::setName).option(null).build();

    public static final RunSetting<ModelFamily> FAMILY = RunSetting.of(RunSettings.FAMILY, ModelFamily.class, Kind.FAMILY, "Model")
            .bean(RunSettings::getFamily, RunSettings::setFamily).storedAs("family").option("--model").build();

    public static final RunSetting<Integer> POINTS = RunSetting.of(RunSettings.POINTS, Integer.class, Kind.WHOLE, "Training points")
            .unit("points")
            .min(RunLimits.MIN_POINTS, "100 per ring still shows the five rings")
            .max(RunLimits.MAX_POINTS, "four times the exercise's 250,000")
            .bean(RunSettings::getPoints, RunSettings::setPoints).storedAs("points").build();

    public static final RunSetting<Integer> EPOCHS = RunSetting.of(RunSettings.EPOCHS, Integer.class, Kind.WHOLE, "Epochs")
            .unit("epochs")
            .min(RunLimits.MIN_EPOCHS, "one pass over the points")
            .max(RunLimits.MAX_EPOCHS, "five times the exercise's 20; every epoch also validates and draws a snapshot")
            .bean(RunSettings::getEpochs, RunSettings::setEpochs).storedAs("epochs").build();

    public static final RunSetting<Integer> BATCH_SIZE = RunSetting.of(RunSettings.BATCH_SIZE, Integer.class, Kind.WHOLE, "Batch size")
            .unit("points per step")
            .min(RunLimits.MIN_BATCH_SIZE, "smaller batches are all per-step overhead and gradient noise")
            .max(RunLimits.MAX_BATCH_SIZE, "32 times the exercise's 128; the batch must also not exceed the points")
            .bean(RunSettings::getBatchSize, RunSettings::setBatchSize).storedAs("batchSize").build();

    public static final RunSetting<Double> LEARNING_RATE = RunSetting.of(RunSettings.LEARNING_RATE, Double.class, Kind.DECIMAL, "Learning rate")
            .min(RunLimits.MIN_LEARNING_RATE, "1/1,000 of the exercise's 0.001; below it Adam barely moves")
            .max(RunLimits.MAX_LEARNING_RATE, "100 times the exercise's 0.001, far into divergence yet room to show it")
            .bean(RunSettings::getLearningRate, RunSettings::setLearningRate).storedAs("learningRate").build();

    public static final RunSetting<LearningRateSchedule> SCHEDULE = RunSetting.of(
                    RunSettings.SCHEDULE, LearningRateSchedule.class, Kind.CHOICE, "Learning-rate schedule")
            .bean(RunSettings::getSchedule, RunSettings::setSchedule).storedAs("schedule").build();

    public static final RunSetting<Long> SEED = RunSetting.of(RunSettings.SEED, Long.class, Kind.LONG, "Seed")
            .min(RunLimits.MIN_SEED, "seeds are non-negative, as on the command line and in the stored runs")
            .max(RunLimits.MAX_SEED, "any non-negative whole number of 64 bits")
            .bean(RunSettings::getSeed, RunSettings::setSeed).storedAs("seed").build();

    public static final RunSetting<Integer> COUPLING_LAYERS = RunSetting.of(
                    RunSettings.COUPLING_LAYERS, Integer.class, Kind.WHOLE, "Coupling layers")
            .unit("layers").families(NORMALIZING_FLOW)
            .min(RunLimits.MIN_COUPLING_LAYERS, "one affine coupling transforms only one coordinate, yet it is a flow")
            .max(RunLimits.MAX_COUPLING_LAYERS, "about four times the exercise's 15; the layers run one after another")
            .bean(RunSettings::getCouplingLayers, RunSettings::setCouplingLayers).storedAs("nf.couplingLayers").build();

    public static final RunSetting<Integer> NF_HIDDEN_WIDTH = RunSetting.of(
                    RunSettings.NF_HIDDEN_WIDTH, Integer.class, Kind.WHOLE, "Width of each coupling network")
            .unit("units").families(NORMALIZING_FLOW)
            .min(RunLimits.MIN_NF_HIDDEN_WIDTH, "one hidden unit (the exercise uses 8)")
            .max(RunLimits.MAX_NF_HIDDEN_WIDTH, "32 times the exercise's 8, with few layers")
            .bean(RunSettings::getNfHiddenWidth, RunSettings::setNfHiddenWidth).storedAs("nf.hiddenWidth").build();

    public static final RunSetting<Integer> NF_LINEAR_LAYERS = RunSetting.of(
                    RunSettings.NF_LINEAR_LAYERS, Integer.class, Kind.WHOLE, "Linear layers per coupling network")
            .unit("layers").families(NORMALIZING_FLOW)
            .min(RunLimits.MIN_NF_LINEAR_LAYERS, "an input and an output layer")
            .max(RunLimits.MAX_NF_LINEAR_LAYERS, "twice the exercise's 5")
            .bean(RunSettings::getNfLinearLayers, RunSettings::setNfLinearLayers).storedAs("nf.linearLayers").build();

    public static final RunSetting<Integer> FM_HIDDEN_WIDTH = RunSetting.of(
                    RunSettings.FM_HIDDEN_WIDTH, Integer.class, Kind.WHOLE, "Width of the vector field")
            .unit("units").families(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING)
            .min(RunLimits.MIN_FM_HIDDEN_WIDTH, "below 8, v(y, t) cannot represent the five rings' flow")
            .max(RunLimits.MAX_FM_HIDDEN_WIDTH, "8 times the exercise's 64, with few layers")
            .bean(RunSettings::getFmHiddenWidth, RunSettings::setFmHiddenWidth).storedAs("fm.hiddenWidth").build();

    public static final RunSetting<Integer> FM_LINEAR_LAYERS = RunSetting.of(
                    RunSettings.FM_LINEAR_LAYERS, Integer.class, Kind.WHOLE, "Linear layers of the vector field")
            .unit("layers").families(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING)
            .min(RunLimits.MIN_FM_LINEAR_LAYERS, "an input and an output layer")
            .max(RunLimits.MAX_FM_LINEAR_LAYERS, "twice the exercise's 5")
            .bean(RunSettings::getFmLinearLayers, RunSettings::setFmLinearLayers).storedAs("fm.linearLayers").build();

    public static final RunSetting<Integer> EMBEDDING_DIM = RunSetting.of(
                    RunSettings.EMBEDDING_DIM, Integer.class, Kind.WHOLE, "Class embedding size")
            .unit("numbers").families(CONDITIONAL_FLOW_MATCHING)
            .min(RunLimits.MIN_EMBEDDING_DIM, "one number per class")
            .max(RunLimits.MAX_EMBEDDING_DIM, "8 times the exercise's 8, far more than five classes need")
            .bean(RunSettings::getEmbeddingDim, RunSettings::setEmbeddingDim).storedAs("fm.embeddingDim").build();

    public static final RunSetting<Double> SIGMA_MIN = RunSetting.of(
                    RunSettings.SIGMA_MIN, Double.class, Kind.DECIMAL, "σ_min of the probability path")
            .families(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING)
            .min(RunLimits.MIN_SIGMA_MIN, "0 is the exercise's linear path")
            .max(RunLimits.MAX_SIGMA_MIN, "0.5 already blurs every target point by half the noise's spread")
            .bean(RunSettings::getSigmaMin, RunSettings::setSigmaMin).storedAs("fm.sigmaMin").build();

    public static final RunSetting<Boolean> MINIBATCH_OPTIMAL_TRANSPORT = RunSetting.of(
                    RunSettings.MINIBATCH_OPTIMAL_TRANSPORT, Boolean.class, Kind.FLAG, "Minibatch optimal transport")
            .families(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING)
            .bean(RunSettings::getMinibatchOptimalTransport, RunSettings::setMinibatchOptimalTransport)
            .storedAs("fm.minibatchOptimalTransport").build();

    public static final RunSetting<Double> LEAKY_SLOPE = RunSetting.of(RunSettings.LEAKY_SLOPE, Double.class, Kind.DECIMAL, "LeakyReLU slope")
            .min(RunLimits.MIN_LEAKY_SLOPE, "0 is a plain ReLU")
            .max(RunLimits.MAX_LEAKY_SLOPE, "beyond 0.5 the activation is nearly linear (the exercise uses 0.01)")
            .bean(RunSettings::getLeakySlope, RunSettings::setLeakySlope).storedAs("nf.leakySlope", "fm.leakySlope").build();

    public static final RunSetting<DataSet> DATA_SET = RunSetting.of("dataSet", DataSet.class, Kind.CHOICE, "Data set")
            .coded(List.of(DataSet.values()), DataSet::code, DataSet::title)
            .storedAs("data").option("--data").optional().build();

    public static final RunSetting<SourceDistribution> SOURCE = RunSetting.of(
                    "source", SourceDistribution.class, Kind.CHOICE, "Source distribution")
            .families(FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING)
            .coded(sources(), SourceDistribution::code, SourceDistribution::title)
            .storedAs("fm.source").option("--source").optional().build();

    public static final RunSetting<Activation> ACTIVATION = RunSetting.of("activation", Activation.class, Kind.CHOICE, "Activation")
            .storedAs("nf.activation", "fm.activation").optional().build();

    public static final RunSetting<Double> LOG_SCALE_BOUND = RunSetting.of(
                    "logScaleBound", Double.class, Kind.DECIMAL, "Soft bound on the log-scales")
            .families(NORMALIZING_FLOW)
            .min(RunLimits.MIN_LOG_SCALE_BOUND, "0 leaves them unbounded, as the exercise writes them")
            .max(RunLimits.MAX_LOG_SCALE_BOUND, "beyond it, e to the log-scale overflows float32 anyway")
            .storedAs("nf.logScaleBound").optional().build();

    public static final RunSetting<Boolean> TRANSPORT_WITHIN_CLASSES = RunSetting.of(
                    "transportWithinClasses", Boolean.class, Kind.FLAG, "Optimal transport within classes")
            .families(CONDITIONAL_FLOW_MATCHING)
            .storedAs("fm.transportWithinClasses").optional().build();

    public static final RunSetting<Double> WEIGHT_DECAY = RunSetting.of("weightDecay", Double.class, Kind.DECIMAL, "Weight decay (AdamW)")
            .min(RunLimits.MIN_WEIGHT_DECAY, "0 is the exercise's plain Adam")
            .max(RunLimits.MAX_WEIGHT_DECAY, "1 already halves the weights in about 700 steps at the exercise's learning rate")
            .storedAs("weightDecay").optional().build();

    public static final RunSetting<Double> MAX_GRADIENT_NORM = RunSetting.of(
                    "maxGradientNorm", Double.class, Kind.DECIMAL, "Gradient-norm clipping")
            .min(RunLimits.MIN_MAX_GRADIENT_NORM, "0 clips nothing, as in the exercise")
            .max(RunLimits.MAX_MAX_GRADIENT_NORM, "beyond it clipping no longer stops a diverging run")
            .storedAs("maxGradientNorm").optional().build();

    /** Every setting, in the order of the form. */
    public static final List<RunSetting<?>> ALL = List.of(
            NAME, FAMILY, DATA_SET, SOURCE, POINTS, EPOCHS, BATCH_SIZE, LEARNING_RATE, SCHEDULE, SEED,
            COUPLING_LAYERS, NF_HIDDEN_WIDTH, NF_LINEAR_LAYERS,
            FM_HIDDEN_WIDTH, FM_LINEAR_LAYERS, EMBEDDING_DIM, SIGMA_MIN, MINIBATCH_OPTIMAL_TRANSPORT,
            LEAKY_SLOPE, ACTIVATION, LOG_SCALE_BOUND, TRANSPORT_WITHIN_CLASSES, WEIGHT_DECAY, MAX_GRADIENT_NORM);

    private static List<SourceDistribution> sources() {
        List<SourceDistribution> sources = new java.util.ArrayList<>();
        sources.add(SourceDistribution.STANDARD_NORMAL);
        for (DataSet dataSet : DataSet.values()) {
            sources.add(SourceDistribution.of(dataSet));
        }
        return sources;
    }

    /** The settings a run list shows of each run. */
    public static final List<RunSetting<?>> LIST_SUMMARY = List.of(POINTS, EPOCHS, SEED);

    /** The settings a run's page shows in its heading, after the family. */
    public static final List<RunSetting<?>> PAGE_SUMMARY = List.of(POINTS, EPOCHS, BATCH_SIZE, LEARNING_RATE, SEED);

    private static final java.util.Map<String, RunSetting<?>> BY_FIELD = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(RunSetting::field, Function.identity()));

    /**
     * The declaration of a property name.
     *
     * @throws IllegalArgumentException for a name that is no run setting
     */
    public static RunSetting<?> of(String field) {
        RunSetting<?> setting = BY_FIELD.get(field);
        if (setting == null) {
            throw new IllegalArgumentException("unknown run setting '" + field + "'");
        }
        return setting;
    }

    /** Whether a property name is a run setting. */
    public static boolean isSetting(String field) {
        return BY_FIELD.containsKey(field);
    }

    /** The settings runs of {@code family} use, in the order of the form. */
    public static List<RunSetting<?>> usedBy(ModelFamily family) {
        return ALL.stream().filter(setting -> setting.usedBy(family)).toList();
    }

    /** The settings every family uses, in the order of the form. */
    public static List<RunSetting<?>> shared() {
        return ALL.stream().filter(RunSetting::shared).toList();
    }

    /** The value of {@code setting} in {@code config}, summarized ("250,000 points"). */
    public static <T> String summarized(RunSetting<T> setting, TrainingConfig config) {
        return setting.summarized(setting.valueIn(config));
    }

    /** The value of {@code setting} in {@code config}, shown ("250,000"). */
    public static <T> String shown(RunSetting<T> setting, TrainingConfig config) {
        return setting.shown(setting.valueIn(config));
    }

    /** A choice as a person reads it. */
    static String choiceLabel(Enum<?> choice) {
        if (choice instanceof Activation activation) {
            return activation.title();
        }
        if (choice instanceof LearningRateSchedule schedule) {
            return switch (schedule) {
                case COSINE -> "Cosine annealing over the epochs";
                case CONSTANT -> "Constant";
            };
        }
        return choice.name();
    }
}
