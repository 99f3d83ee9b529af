package org.flowfield.runs.settings;

import java.util.Objects;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;

/**
 * The settings of each {@link RunPreset}. Each call returns fresh settings that the caller may
 * change. Every field is filled, the other families' too, so that switching the family in the form
 * keeps a complete form; the name is proposed from the family and the preset; the seed is 0, as on
 * the command line.
 */
public final class RunPresets {

    /** The seed every preset starts with. */
    public static final long DEFAULT_SEED = 0;

    /** Epochs of the quick preset: the exercise suggests 7 epochs while debugging. */
    public static final int QUICK_EPOCHS = 7;

    /** Training points of the smoke preset. */
    public static final int SMOKE_POINTS = 2_000;

    /** Epochs of the smoke preset. */
    public static final int SMOKE_EPOCHS = 3;

    /** The smoke preset's normalizing flow: 4 coupling layers of 3 linears of width 8. */
    public static final CouplingFlowConfig SMOKE_COUPLING_FLOW = new CouplingFlowConfig(4, 8, 3, 0.01);

    /** The smoke preset's vector field: 3 linears of width 32, embedding 8, linear path, no OT. */
    public static final FlowMatchingConfig SMOKE_FLOW_MATCHING = new FlowMatchingConfig(32, 3, 0.01, false, 8, 0, false);

    private RunPresets() {}

    /** The exercise's recipe: equals {@link TrainingConfig#exercise}{@code (family, 0)} once converted. */
    public static RunSettings exerciseDefaults(ModelFamily family) {
        return RunSettingsMapper.fromTrainingConfig(TrainingConfig.exercise(family, DEFAULT_SEED),
                RunPreset.EXERCISE_DEFAULTS.runName(family));
    }

    /** The exercise's recipe with {@value #QUICK_EPOCHS} epochs. */
    public static RunSettings quick(ModelFamily family) {
        return RunSettingsMapper.fromTrainingConfig(
                TrainingConfig.exercise(family, DEFAULT_SEED).withEpochs(QUICK_EPOCHS), RunPreset.QUICK.runName(family));
    }

    /**
     * {@value #SMOKE_POINTS} points, {@value #SMOKE_EPOCHS} epoch of 16 steps of the exercise's
     * batch 128, and small networks: it finishes in seconds on a CPU and checks that a run goes
     * through the whole path (training, snapshots, evaluation, storage).
     */
    public static RunSettings smoke(ModelFamily family) {
        Objects.requireNonNull(family, "family");
        TrainingConfig config = new TrainingConfig(family, SMOKE_COUPLING_FLOW, SMOKE_FLOW_MATCHING, SMOKE_POINTS,
                SMOKE_EPOCHS, TrainingConfig.DEFAULT_BATCH_SIZE, TrainingConfig.DEFAULT_LEARNING_RATE,
                LearningRateSchedule.COSINE, DEFAULT_SEED, TrainingConfig.DEFAULT_REPORT_EVERY);
        return RunSettingsMapper.fromTrainingConfig(config, RunPreset.SMOKE.runName(family));
    }
}
