package org.flowfield.questions;

import java.util.EnumSet;
import java.util.Set;
import org.flowfield.flows.ModelFamily;

/** The exercise's questions the service answers, with the families that can answer each. */
enum Question {
    NF_SAMPLES("Sampling with three seeds (§3.3 Q2)", false, ModelFamily.NORMALIZING_FLOW),
    NF_LAYER_PROGRESSION("Sampling over time (§3.3 Q3)", false, ModelFamily.NORMALIZING_FLOW),
    NF_TRAJECTORIES("Sampling trajectories (§3.3 Q4)", false, ModelFamily.NORMALIZING_FLOW),
    NF_PROBABILITIES("Probability estimation (§3.3 Q5)", false, ModelFamily.NORMALIZING_FLOW),
    NF_DENSITY_MAP("The density map (§3.3 Q5)", true, ModelFamily.NORMALIZING_FLOW),
    FM_PROGRESSION("Flow progression (§4.3 Q2)", true, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    FM_TRAJECTORIES("Point trajectories (§4.3 Q3)", false, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    FM_TIME_QUANTIZATION("Time quantization (§4.3 Q4)", true, ModelFamily.FLOW_MATCHING, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    REVERSAL("Reversing the flow (§4.3 Q5)", false, ModelFamily.values()),
    TARGETED_SAMPLE("Producing a chosen point (§4.3 bonus)", true, ModelFamily.FLOW_MATCHING,
            ModelFamily.CONDITIONAL_FLOW_MATCHING),
    CFM_INPUT("The input by class (§4.3 conditional Q1)", false, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    CFM_CLASS_TRAJECTORIES("A point from each class (§4.3 conditional Q2)", false, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    CFM_SAMPLES("Sampling by class (§4.3 conditional Q3)", true, ModelFamily.CONDITIONAL_FLOW_MATCHING),
    COMPARED_LOG_LIKELIHOODS("log p(x) at the compared points", true, ModelFamily.values());

    private final String title;
    private final boolean heavy;
    private final Set<ModelFamily> families;

    Question(String title, boolean heavy, ModelFamily... families) {
        this.title = title;
        this.heavy = heavy;
        this.families = EnumSet.copyOf(java.util.Arrays.asList(families));
    }

    String title() {
        return title;
    }

    /**
     * Whether it runs on the bounded question workers rather than the caller's thread: everything
     * that integrates many points over the full time grid (from about 0.2 s on a 2-core CPU).
     */
    boolean heavy() {
        return heavy;
    }

    void requireFamily(ModelFamily family) {
        if (!families.contains(family)) {
            throw new InvalidQuestionInputException(title + " is asked of " + describe(families) + " runs; this run is a "
                    + family.title().toLowerCase(java.util.Locale.ROOT) + " run");
        }
    }

    private static String describe(Set<ModelFamily> families) {
        return String.join(" or ", families.stream().map(f -> f.title().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
