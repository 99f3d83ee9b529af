package org.flowfield.runs;

import java.util.List;

/** What a run recorded so far: its loss curve and its finished epochs, in order. */
public record RunHistory(Run run, List<LossPoint> loss, List<EpochRecord> epochs) {

    public RunHistory {
        loss = List.copyOf(loss);
        epochs = List.copyOf(epochs);
    }
}
