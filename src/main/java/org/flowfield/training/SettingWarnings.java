package org.flowfield.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Combinations of settings a run may use but that are known to train worse, each with a line
 * that says why and what to choose instead. Nothing here stops a run; the form, the API and the
 * command line show the lines next to the settings.
 */
public final class SettingWarnings {

    private SettingWarnings() {}

    public static List<String> of(TrainingConfig config) {
        List<String> warnings = new ArrayList<>();
        if (config.family().conditional()) {
            String pairing = config.flowMatching().pairingWarning();
            if (pairing != null) {
                warnings.add(pairing);
            }
        }
        return List.copyOf(warnings);
    }
}
