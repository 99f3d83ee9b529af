package org.flowfield.questions.cfm;

import org.flowfield.data.RingDataset;
import org.flowfield.data.Standardization;
import org.flowfield.training.RunData;
import org.flowfield.training.TrainingConfig;

/**
 * §4.3 conditional Q1 "Plotting the input": a subset of the run's own training points with their
 * class labels. The subset is every k-th point of the training set (the set is ordered by ring, so
 * a stride keeps every ring's share), the same on every visit.
 *
 * @param standardization the run's training statistics (the points are standardised with them)
 * @param points the subset [x0, y0, …], standardised
 * @param labels each point's class (black = 0, blue = 1, green = 2, red = 3, yellow = 4; docs/data.md)
 * @param trainingPoints the size of the full training set the subset was taken from
 */
public record ClassInput(Standardization standardization, float[] points, int[] labels, int trainingPoints) {

    public static final int POINTS = 3_000;

    /** Regenerates the run's training set from its configuration and data (docs/data.md, conditional set). */
    public static ClassInput of(TrainingConfig config, RunData runData) {
        RingDataset data = runData.training(config);
        int n = data.size();
        int count = Math.min(POINTS, n);
        float[] points = new float[2 * count];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int source = (int) ((long) i * n / count);
            points[2 * i] = data.points().x(source);
            points[2 * i + 1] = data.points().y(source);
            labels[i] = data.points().label(source);
        }
        return new ClassInput(data.standardization(), points, labels, n);
    }
}
