package org.flowfield.runs.settings;

import org.flowfield.flows.ModelFamily;

/** The presets of the run form, in the order it offers them. */
public enum RunPreset {
    /** The exercise's recipe, as {@link org.flowfield.training.TrainingConfig#exercise}. */
    EXERCISE_DEFAULTS("Exercise defaults", "exercise defaults"),
    /** The exercise's recipe with 7 epochs instead of 20. */
    QUICK("Quick: 7 epochs, as the exercise suggests for debugging", "quick"),
    /** 2,000 points, one epoch, small networks: checks the whole path in seconds on a CPU. */
    SMOKE("Smoke test: seconds", "smoke test");

    private final String displayName;
    private final String nameSuffix;

    RunPreset(String displayName, String nameSuffix) {
        this.displayName = displayName;
        this.nameSuffix = nameSuffix;
    }

    /** What the form shows, e.g. "Exercise defaults". */
    public String displayName() {
        return displayName;
    }

    /** Fresh settings of this preset for a family (see {@link RunPresets}). */
    public RunSettings settings(ModelFamily family) {
        return switch (this) {
            case EXERCISE_DEFAULTS -> RunPresets.exerciseDefaults(family);
            case QUICK -> RunPresets.quick(family);
            case SMOKE -> RunPresets.smoke(family);
        };
    }

    /** The run name the preset proposes, e.g. "Flow matching, quick". */
    String runName(ModelFamily family) {
        return family.title() + ", " + nameSuffix;
    }
}
