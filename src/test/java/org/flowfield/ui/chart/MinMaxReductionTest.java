package org.flowfield.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reduction checked against its definition on a long, noisy line with spikes and gaps. */
class MinMaxReductionTest {

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** A decaying noisy loss with a few one-batch spikes and a few non-finite values. */
    private static double[] noisyLoss(int n) {
        Random random = new Random(7);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * Math.exp(-i / (n / 5.0)) + 0.3 * random.nextDouble();
        }
        y[12_345] = 40;
        y[77_777] = -3;
        y[50_000] = Double.NaN;
        y[n - 2] = Double.POSITIVE_INFINITY;
        return y;
    }

    @Test
    void aShortLineIsKeptWhole() {
        double[] y = {3, 1, 2};

        ChartSeries line = MinMaxReduction.line("loss", "#000000", steps(3), y);

        assertThat(line.xy()).containsExactly(1, 3, 2, 1, 3, 2);
        assertThat(MinMaxReduction.kept(new double[MinMaxReduction.MAX_POINTS])).hasSize(MinMaxReduction.MAX_POINTS);
    }

    @Test
    void aLongLineKeepsEveryBucketsLowestAndHighestPointItsGapsAndItsEndsWithinTheBound() {
        int n = 100_003;
        double[] x = steps(n);
        double[] y = noisyLoss(n);

        ChartSeries line = MinMaxReduction.line("loss", "#000000", x, y);

        assertThat(line.size()).isLessThanOrEqualTo(MinMaxReduction.MAX_POINTS).isGreaterThan(MinMaxReduction.BUCKETS);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            int index = (int) line.xy()[2 * i] - 1;
            assertThat(Double.compare(line.xy()[2 * i + 1], y[index])).as("point %d is the line's own", index).isZero();
            kept.add(index);
        }
        assertThat(kept).isSorted().doesNotHaveDuplicates();
        assertThat(kept.getFirst()).isZero();
        assertThat(kept.getLast()).isEqualTo(n - 1);
        for (int b = 0; b < MinMaxReduction.BUCKETS; b++) {
            int from = (int) ((long) b * n / MinMaxReduction.BUCKETS);
            int to = (int) ((long) (b + 1) * n / MinMaxReduction.BUCKETS);
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            boolean gap = false;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(y[i])) {
                    lowest = Math.min(lowest, y[i]);
                    highest = Math.max(highest, y[i]);
                } else {
                    gap = true;
                }
            }
            List<Double> keptHere = kept.stream().filter(i -> i >= from && i < to).map(i -> y[i]).toList();
            assertThat(keptHere).as("bucket %d", b).contains(lowest, highest);
            assertThat(keptHere.stream().anyMatch(v -> !Double.isFinite(v))).as("bucket %d's gap", b).isEqualTo(gap);
        }
        assertThat(kept.stream().map(i -> y[i])).contains(40.0, -3.0);
    }
}
