package org.flowfield.compare;

import java.util.List;
import org.flowfield.runs.Run;

/**
 * One run's frames of a {@link SharedProgression}.
 *
 * @param run the run
 * @param frames per fraction of the shared progression, the points [x0, y0, …] (standardised); empty
 *     when the run has not finished
 * @param classes each point's class for a class-conditional run, else null
 * @param labels per fraction, where this run is: "layer 3 of 15" or "t = 0.20"
 * @param note why there are no frames, empty otherwise
 */
public record RunProgression(Run run, List<float[]> frames, int[] classes, List<String> labels, String note) {

    public RunProgression {
        frames = List.copyOf(frames);
        labels = List.copyOf(labels);
    }

    public boolean available() {
        return !frames.isEmpty();
    }
}
