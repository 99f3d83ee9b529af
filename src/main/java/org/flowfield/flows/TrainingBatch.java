package org.flowfield.flows;

/**
 * One minibatch of standardised data.
 *
 * @param xy points, interleaved [x0, y0, x1, y1, ...], length 2B
 * @param labels class of each point (length B), or null for unconditional data
 * @param noiseSeed seed of every random draw the step makes (noise, times), so that a step can be
 *     replayed exactly after a resume
 */
public record TrainingBatch(float[] xy, int[] labels, long noiseSeed) {

    public int size() {
        return xy.length / 2;
    }
}
