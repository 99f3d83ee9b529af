package org.flowfield.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactWassersteinTest {

    @Test
    void smallSetsMatchTheBestOfAllPermutations() {
        for (int n = 1; n <= 8; n++) {
            for (long seed = 0; seed < 5; seed++) {
                float[] a = uniform(n, 2 * seed);
                float[] b = uniform(n, 2 * seed + 1);

                ExactWasserstein.Assignment assignment = ExactWasserstein.assign(a, b);

                assertThat(assignment.cost()).as("n = %d, seed %d", n, seed).isCloseTo(bruteForce(a, b), within(1e-12));
                assertThat(isPermutation(assignment.columnOfRow())).isTrue();
                assertThat(assignment.certified()).isTrue();
            }
        }
    }

    @Test
    void twoHundredPointsMatchTheTextbookHungarianMethod() {
        float[] a = gaussian(200, 11, 0, 0);
        float[] b = clustered(200, 12);

        ExactWasserstein.Assignment assignment = ExactWasserstein.assign(a, b);

        assertThat(assignment.cost()).isCloseTo(TextbookHungarian.minimumCost(a, b), within(1e-9));
        assertThat(isPermutation(assignment.columnOfRow())).isTrue();
        assertThat(assignment.cost() - assignment.dualBound()).isLessThan(1e-9);
    }

    /** Large enough, and far enough apart, that the search starts from the potentials of a quarter-size problem. */
    @Test
    void largeSetsMatchTheTextbookHungarianMethodToo() {
        float[] a = gaussian(1_200, 21, 0, 0);
        float[] b = clustered(1_200, 22);

        ExactWasserstein.Assignment assignment = ExactWasserstein.assign(a, b);

        assertThat(assignment.cost()).isCloseTo(TextbookHungarian.minimumCost(a, b), within(1e-8));
        assertThat(assignment.certified()).isTrue();
    }

    /** Overlapping sets of that size start from the column reduction instead: checked the same way. */
    @Test
    void largeOverlappingSetsMatchTheTextbookHungarianMethod() {
        float[] a = gaussian(1_200, 23, 0, 0);
        float[] b = gaussian(1_200, 24, 0, 0);

        ExactWasserstein.Assignment assignment = ExactWasserstein.assign(a, b);

        assertThat(assignment.cost()).isCloseTo(TextbookHungarian.minimumCost(a, b), within(1e-8));
        assertThat(assignment.certified()).isTrue();
    }

    /** For equal covariances the optimal map is the translation: moving every point by s costs |s|² each. */
    @Test
    void aSetAndItsTranslateAreTheShiftApart() {
        float[] a = gaussian(3_000, 31, 0, 0);
        float[] b = a.clone();
        for (int i = 0; i < b.length; i += 2) {
            b[i] += 1.5f;
            b[i + 1] -= 2f;
        }

        assertThat(ExactWasserstein.distance(a, b)).isCloseTo(2.5, within(1e-6));
    }

    /**
     * Two independent samples of N(0, I) and N(s, I): W2 of the distributions is |s|. For samples,
     * Σ|aᵢ − b_σ(i)|² = Σ|aᵢ − b'_σ(i)|² + n|s|² − 2 s·(Σa − Σb') with b = b' + s, so the shift
     * adds a constant to every pairing's cost and the distance is exactly that of the unshifted
     * samples corrected by it; and it is |s| up to the sampling error of 3,000 points.
     */
    @Test
    void independentSamplesOfShiftedGaussiansAreAboutTheShiftApart() {
        float[] a = gaussian(3_000, 41, 0, 0);
        float[] unshifted = gaussian(3_000, 42, 0, 0);
        float[] b = gaussian(3_000, 42, 3, 4);
        double unshiftedSquared = Math.pow(ExactWasserstein.distance(a, unshifted), 2);
        double meanDx = mean(a, 0) - mean(unshifted, 0);
        double meanDy = mean(a, 1) - mean(unshifted, 1);

        double distance = ExactWasserstein.distance(a, b);

        assertThat(distance * distance).isCloseTo(unshiftedSquared + 25 - 2 * (3 * meanDx + 4 * meanDy), within(1e-6));
        assertThat(distance).isCloseTo(5, within(0.05));
    }

    @Test
    void nanSamplesGiveNanAndInfiniteOnesInfinity() {
        float[] a = uniform(4, 1);
        float[] b = uniform(4, 2);
        b[3] = Float.NaN;
        float[] c = uniform(4, 3);
        c[0] = Float.POSITIVE_INFINITY;

        assertThat(ExactWasserstein.distance(a, b)).isNaN();
        assertThat(ExactWasserstein.distance(a, c)).isInfinite();
        assertThatThrownBy(() -> ExactWasserstein.assign(a, b)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsOfDifferentSizesAreRejected() {
        assertThatThrownBy(() -> ExactWasserstein.distance(uniform(3, 1), uniform(4, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same number of points, got 3 and 4");
    }

    private static double bruteForce(float[] a, float[] b) {
        int n = a.length / 2;
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                cost += squaredDistance(a, i, b, permutation[i]);
            }
            best = Math.min(best, cost);
        } while (nextPermutation(permutation));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int swap = p[i];
        p[i] = p[j];
        p[j] = swap;
        for (int lo = i + 1, hi = p.length - 1; lo < hi; lo++, hi--) {
            swap = p[lo];
            p[lo] = p[hi];
            p[hi] = swap;
        }
        return true;
    }

    static double squaredDistance(float[] a, int i, float[] b, int j) {
        double dx = (double) a[2 * i] - b[2 * j];
        double dy = (double) a[2 * i + 1] - b[2 * j + 1];
        return dx * dx + dy * dy;
    }

    private static boolean isPermutation(int[] columns) {
        int[] sorted = columns.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static double mean(float[] xy, int axis) {
        double sum = 0;
        for (int i = axis; i < xy.length; i += 2) {
            sum += xy[i];
        }
        return sum / (xy.length / 2);
    }

    private static float[] uniform(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) random.nextDouble(-2, 2);
        }
        return xy;
    }

    static float[] gaussian(int n, long seed, double meanX, double meanY) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) (meanX + random.nextGaussian());
            xy[2 * i + 1] = (float) (meanY + random.nextGaussian());
        }
        return xy;
    }

    /** Points on five small circles: far from a Gaussian, so the pairing moves mass across the plane. */
    private static float[] clustered(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(5);
            double angle = random.nextDouble(0, 2 * Math.PI);
            double radius = random.nextDouble(0.4, 0.5);
            xy[2 * i] = (float) (cluster - 2 + radius * Math.cos(angle));
            xy[2 * i + 1] = (float) (0.3 * (cluster % 2) + radius * Math.sin(angle));
        }
        return xy;
    }

    /**
     * The O(n³) Hungarian method with potentials on a full cost matrix, rows added one at a time
     * (Kuhn 1955; Munkres 1957): the reference the sparse, cost-on-the-fly solver is checked against.
     */
    static final class TextbookHungarian {

        static double minimumCost(float[] a, float[] b) {
            int n = a.length / 2;
            double[][] cost = new double[n + 1][n + 1];
            for (int i = 1; i <= n; i++) {
                for (int j = 1; j <= n; j++) {
                    cost[i][j] = squaredDistance(a, i - 1, b, j - 1);
                }
            }
            double[] u = new double[n + 1];
            double[] v = new double[n + 1];
            int[] rowOfColumn = new int[n + 1];
            int[] way = new int[n + 1];
            for (int i = 1; i <= n; i++) {
                rowOfColumn[0] = i;
                int column = 0;
                double[] minimum = new double[n + 1];
                Arrays.fill(minimum, Double.POSITIVE_INFINITY);
                boolean[] used = new boolean[n + 1];
                do {
                    used[column] = true;
                    int row = rowOfColumn[column];
                    double delta = Double.POSITIVE_INFINITY;
                    int next = 0;
                    for (int j = 1; j <= n; j++) {
                        if (!used[j]) {
                            double reduced = cost[row][j] - u[row] - v[j];
                            if (reduced < minimum[j]) {
                                minimum[j] = reduced;
                                way[j] = column;
                            }
                            if (minimum[j] < delta) {
                                delta = minimum[j];
                                next = j;
                            }
                        }
                    }
                    for (int j = 0; j <= n; j++) {
                        if (used[j]) {
                            u[rowOfColumn[j]] += delta;
                            v[j] -= delta;
                        } else {
                            minimum[j] -= delta;
                        }
                    }
                    column = next;
                } while (rowOfColumn[column] != 0);
                do {
                    int previous = way[column];
                    rowOfColumn[column] = rowOfColumn[previous];
                    column = previous;
                } while (column != 0);
            }
            double total = 0;
            for (int j = 1; j <= n; j++) {
                total += cost[rowOfColumn[j]][j];
            }
            return total;
        }
    }
}
