package org.flowfield.published;

import org.flowfield.data.DataSet;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.LearningRateSchedule;

/**
 * The two-dimensional protocol of Tong et al. (2024), Table 2, as Flowfield runs it
 * (docs/published.md): the settings of one seed of one cell, declared here only.
 */
public final class TongProtocol {

    /** The name under which the runs of this protocol are linked to their cells. */
    public static final String ID = "tong-2024-table-2";

    /** Seeds per cell, as in the paper: 0, 1, …, SEEDS − 1. */
    public static final int SEEDS = 5;

    static final int POINTS = 10_000;
    static final int EPOCHS = 1_000;
    static final int BATCH_SIZE = 512;
    static final int HIDDEN_WIDTH = 64;
    /** Three hidden layers: input → 64 → 64 → 64 → output. */
    static final int LINEAR_LAYERS = 4;
    static final double LEARNING_RATE = 1e-3;
    static final double WEIGHT_DECAY = 1e-5;
    /** σ of the constant-width Gaussian path (the authors' run script for the 2-D experiments). */
    static final double PATH_SIGMA = 0.1;

    static final String PATH_SIGMA_SETTING = "pathSigma";
    static final String STANDARDIZE_SETTING = "standardize";

    private TongProtocol() {}

    /** The settings of one run: {@code method} on {@code task} with {@code seed}. */
    public static RunSettings settings(PublishedTask task, PublishedMethod method, int seed) {
        RunSettings settings = RunPreset.EXERCISE_DEFAULTS.settings(ModelFamily.FLOW_MATCHING);
        settings.setName("Tong 2024 · " + shortName(method) + " · " + task.title() + " · seed " + seed);
        settings.setFamily(ModelFamily.FLOW_MATCHING);
        settings.set(RunSettingsSchema.DATA_SET.field(), target(task));
        settings.set(RunSettingsSchema.SOURCE.field(), source(task));
        settings.setFmHiddenWidth(HIDDEN_WIDTH);
        settings.setFmLinearLayers(LINEAR_LAYERS);
        settings.set(RunSettingsSchema.ACTIVATION.field(), Activation.SELU);
        settings.setLearningRate(LEARNING_RATE);
        settings.setSchedule(LearningRateSchedule.CONSTANT);
        settings.set(RunSettingsSchema.WEIGHT_DECAY.field(), WEIGHT_DECAY);
        settings.setPoints(POINTS);
        settings.setEpochs(EPOCHS);
        settings.setBatchSize(BATCH_SIZE);
        settings.setSigmaMin(0.0);
        settings.setMinibatchOptimalTransport(method.minibatchOptimalTransport());
        settings.setSeed((long) seed);
        setIfDeclared(settings, PATH_SIGMA_SETTING, PATH_SIGMA);
        // the figures in the data's own coordinates, so that W2 is in the paper's units
        setIfDeclared(settings, STANDARDIZE_SETTING, Boolean.FALSE);
        return settings;
    }

    /** The method as the paper's table names it, e.g. "OT-CFM". */
    public static String shortName(PublishedMethod method) {
        return switch (method) {
            case OT_CFM -> "OT-CFM";
            case I_CFM -> "I-CFM";
            case FM -> "FM";
        };
    }

    static DataSet target(PublishedTask task) {
        return switch (task) {
            case NORMAL_TO_EIGHT_GAUSSIANS -> DataSet.EIGHT_GAUSSIANS;
            case EIGHT_GAUSSIANS_TO_MOONS, NORMAL_TO_MOONS -> DataSet.MOONS;
            case NORMAL_TO_S_CURVE -> DataSet.S_CURVE;
        };
    }

    static SourceDistribution source(PublishedTask task) {
        return task == PublishedTask.EIGHT_GAUSSIANS_TO_MOONS
                ? SourceDistribution.of(DataSet.EIGHT_GAUSSIANS) : SourceDistribution.STANDARD_NORMAL;
    }

    private static void setIfDeclared(RunSettings settings, String field, Object value) {
        if (RunSettingsSchema.isSetting(field)) {
            settings.set(field, value);
        }
    }
}
