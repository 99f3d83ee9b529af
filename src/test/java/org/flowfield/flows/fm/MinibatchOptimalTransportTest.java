package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinibatchOptimalTransportTest {

    // ---------------------------------------------------------------- helpers (independent of the solver)

    private static float[] gaussianPoints(SplittableRandom rnd, int n, double scale, double offset) {
        float[] p = new float[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            p[k] = (float) (offset + scale * gaussian(rnd));
        }
        return p;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; u1 in (0, 1] so log is finite.
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static double pairCost(float[] a, int i, float[] b, int j) {
        double dx = (double) a[2 * i] - b[2 * j];
        double dy = (double) a[2 * i + 1] - b[2 * j + 1];
        return dx * dx + dy * dy;
    }

    private static double totalCost(float[] noise, float[] data, int[] perm, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += pairCost(noise, i, data, perm[i]);
        }
        return s;
    }

    private static void assertPermutation(int[] perm, int n) {
        assertThat(perm).hasSize(n);
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            assertThat(perm[i]).as("perm[%d]", i).isBetween(0, n - 1);
            assertThat(seen[perm[i]]).as("data index %d used twice", perm[i]).isFalse();
            seen[perm[i]] = true;
        }
    }

    /** Exhaustive minimum over all n! permutations. */
    private static double bruteForceMin(float[] noise, float[] data, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] best = {Double.POSITIVE_INFINITY};
        permute(noise, data, perm, 0, n, best);
        return best[0];
    }

    private static void permute(float[] noise, float[] data, int[] perm, int k, int n, double[] best) {
        if (k == n) {
            best[0] = Math.min(best[0], totalCost(noise, data, perm, n));
            return;
        }
        for (int i = k; i < n; i++) {
            swap(perm, k, i);
            permute(noise, data, perm, k + 1, n, best);
            swap(perm, k, i);
        }
    }

    /** Exact minimum by dynamic programming over subsets of data points (O(n 2^n)), for n up to ~16. */
    private static double subsetDpMin(float[] noise, float[] data, int n) {
        double[] dp = new double[1 << n];
        Arrays.fill(dp, Double.POSITIVE_INFINITY);
        dp[0] = 0.0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (dp[mask] == Double.POSITIVE_INFINITY) {
                continue;
            }
            int i = Integer.bitCount(mask); // next noise point to place
            if (i == n) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) == 0) {
                    int next = mask | (1 << j);
                    dp[next] = Math.min(dp[next], dp[mask] + pairCost(noise, i, data, j));
                }
            }
        }
        return dp[(1 << n) - 1];
    }

    /** Points on two interleaved half-moons, scaled by {@code scale}, with a little Gaussian jitter. */
    private static float[] moons(SplittableRandom rnd, int n, double scale) {
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rnd.nextDouble();
            double x;
            double y;
            if (rnd.nextBoolean()) {
                x = Math.cos(t);
                y = Math.sin(t);
            } else {
                x = 1.0 - Math.cos(t);
                y = 0.5 - Math.sin(t);
            }
            p[2 * i] = (float) (scale * x + 0.05 * gaussian(rnd));
            p[2 * i + 1] = (float) (scale * y + 0.05 * gaussian(rnd));
        }
        return p;
    }

    /** Points in {@code k} tight clusters on a circle of radius {@code radius}. */
    private static float[] ring(SplittableRandom rnd, int n, int k, double radius) {
        float[] p = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2.0 * Math.PI * rnd.nextInt(k) / k;
            p[2 * i] = (float) (radius * Math.cos(a) + 0.2 * gaussian(rnd));
            p[2 * i + 1] = (float) (radius * Math.sin(a) + 0.2 * gaussian(rnd));
        }
        return p;
    }

    private static void assertNoImprovingPairSwap(float[] noise, float[] data, int[] perm, int n, String what) {
        double eps = tol(totalCost(noise, data, perm, n));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double before = pairCost(noise, i, data, perm[i]) + pairCost(noise, j, data, perm[j]);
                double after = pairCost(noise, i, data, perm[j]) + pairCost(noise, j, data, perm[i]);
                assertThat(after).as("%s: swap (%d,%d)", what, i, j).isGreaterThanOrEqualTo(before - eps);
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static double tol(double reference) {
        return 1e-9 * Math.max(1.0, Math.abs(reference));
    }

    // ---------------------------------------------------------------- correctness

    @Test
    void singlePointIsPairedWithItsOnlyPartner() {
        int[] perm = new MinibatchOptimalTransport().assign(new float[] {1f, 2f}, new float[] {-3f, 4f}, 1);
        assertThat(perm).containsExactly(0);
    }

    @Test
    void smallBatchesMatchBruteForceMinimum() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int n = 1; n <= 8; n++) {
            int seeds = n <= 6 ? 200 : 25;
            for (int seed = 0; seed < seeds; seed++) {
                SplittableRandom rnd = new SplittableRandom(1000L * n + seed);
                float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
                float[] data = gaussianPoints(rnd, n, 2.0, 0.5);
                int[] perm = ot.assign(noise, data, n);
                assertPermutation(perm, n);
                double expected = bruteForceMin(noise, data, n);
                assertThat(totalCost(noise, data, perm, n))
                        .as("n=%d seed=%d", n, seed)
                        .isCloseTo(expected, within(tol(expected)));
            }
        }
    }

    @Test
    void smallIntegerGridsWithManyTiesMatchBruteForceMinimum() {
        // Coordinates on a tiny integer grid produce many equal costs and degenerate optima.
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(77_000L + seed);
            int n = 1 + rnd.nextInt(8);
            float[] noise = new float[2 * n];
            float[] data = new float[2 * n];
            for (int k = 0; k < 2 * n; k++) {
                noise[k] = rnd.nextInt(3);
                data[k] = rnd.nextInt(3);
            }
            int[] perm = ot.assign(noise, data, n);
            assertPermutation(perm, n);
            assertThat(totalCost(noise, data, perm, n))
                    .as("seed=%d", seed)
                    .isEqualTo(bruteForceMin(noise, data, n));
        }
    }

    @Test
    void mediumBatchesMatchSubsetDynamicProgramme() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(5_000L + seed);
            int n = 9 + rnd.nextInt(6); // 9..14
            float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] data = gaussianPoints(rnd, n, 1.5, -0.3);
            int[] perm = ot.assign(noise, data, n);
            assertPermutation(perm, n);
            double expected = subsetDpMin(noise, data, n);
            assertThat(totalCost(noise, data, perm, n))
                    .as("n=%d seed=%d", n, seed)
                    .isCloseTo(expected, within(tol(expected)));
        }
    }

    @Test
    void batchOf128IsNoWorseThanIdentityOrAnyPairSwap() {
        int n = 128;
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 5; seed++) {
            SplittableRandom rnd = new SplittableRandom(42L + seed);
            float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] data = gaussianPoints(rnd, n, 3.0, 1.0);
            int[] perm = ot.assign(noise, data, n);
            assertPermutation(perm, n);
            double best = totalCost(noise, data, perm, n);
            double eps = tol(best);

            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            assertThat(best).isLessThanOrEqualTo(totalCost(noise, data, identity, n) + eps);

            // Exhaustive 2-opt: no exchange of partners between two noise points lowers the cost.
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double before = pairCost(noise, i, data, perm[i]) + pairCost(noise, j, data, perm[j]);
                    double after = pairCost(noise, i, data, perm[j]) + pairCost(noise, j, data, perm[i]);
                    assertThat(after).as("swap (%d,%d) seed=%d", i, j, seed).isGreaterThanOrEqualTo(before - eps);
                }
            }

            // Random 3-cycles and random permutations are no better either.
            int[] trial = perm.clone();
            for (int t = 0; t < 20_000; t++) {
                int a = rnd.nextInt(n);
                int b = rnd.nextInt(n);
                int c = rnd.nextInt(n);
                if (a == b || b == c || a == c) {
                    continue;
                }
                System.arraycopy(perm, 0, trial, 0, n);
                trial[a] = perm[b];
                trial[b] = perm[c];
                trial[c] = perm[a];
                assertThat(totalCost(noise, data, trial, n)).isGreaterThanOrEqualTo(best - eps);
            }
            for (int t = 0; t < 200; t++) {
                int[] random = identity.clone();
                for (int i = n - 1; i > 0; i--) {
                    swap(random, i, rnd.nextInt(i + 1));
                }
                assertThat(totalCost(noise, data, random, n)).isGreaterThanOrEqualTo(best - eps);
            }
        }
    }

    @Test
    void translatedCopyIsPairedByIdentity() {
        // For data_i = noise_i + s, any permutation sigma has cost sum|x_i - x_sigma(i)|^2 + n|s|^2, so the
        // identity is the unique optimum whenever the points are distinct (for any shift, small or large).
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int n : new int[] {2, 7, 64, 128}) {
            for (float shift : new float[] {1e-3f, 0.05f, 0.7f}) {
                SplittableRandom rnd = new SplittableRandom(n * 31L);
                float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
                float[] data = new float[2 * n];
                for (int i = 0; i < n; i++) {
                    data[2 * i] = noise[2 * i] + shift;
                    data[2 * i + 1] = noise[2 * i + 1] - 0.5f * shift;
                }
                int[] perm = ot.assign(noise, data, n);
                for (int i = 0; i < n; i++) {
                    assertThat(perm[i]).as("n=%d shift=%s i=%d", n, shift, i).isEqualTo(i);
                }
            }
        }
    }

    @Test
    void shuffledCopyIsUnshuffled() {
        // data = noise permuted by sigma: the zero-cost pairing perm = sigma is the unique optimum (distinct points).
        int n = 100;
        SplittableRandom rnd = new SplittableRandom(9);
        float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            swap(sigma, i, rnd.nextInt(i + 1));
        }
        // data point sigma[i] is a copy of noise point i.
        float[] data = new float[2 * n];
        for (int i = 0; i < n; i++) {
            data[2 * sigma[i]] = noise[2 * i];
            data[2 * sigma[i] + 1] = noise[2 * i + 1];
        }
        int[] perm = new MinibatchOptimalTransport().assign(noise, data, n);
        assertThat(perm).containsExactly(sigma);
        assertThat(totalCost(noise, data, perm, n)).isZero();
    }

    @Test
    void identicalPointsStillGiveAPermutation() {
        int n = 50;
        float[] noise = new float[2 * n];
        float[] data = new float[2 * n];
        Arrays.fill(noise, 0.25f);
        Arrays.fill(data, -1.5f);
        int[] perm = new MinibatchOptimalTransport().assign(noise, data, n);
        assertPermutation(perm, n);
        assertThat(totalCost(noise, data, perm, n)).isCloseTo(n * 2 * 1.75 * 1.75, within(1e-9));
    }

    @Test
    void shapeMismatchedBatchesAreOptimalInBothRoles() {
        // Noise and data of different shapes, scales and locations, and the same pair with roles exchanged: the
        // optimal cost is symmetric, so assign(data, noise) must reach the same total as assign(noise, data).
        int n = 128;
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(900L + seed);
            float[] gauss = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] other = seed % 2 == 0 ? moons(rnd, n, 3.0) : ring(rnd, n, 8, 4.0);

            int[] forward = ot.assign(gauss, other, n);
            int[] backward = ot.assign(other, gauss, n);
            assertPermutation(forward, n);
            assertPermutation(backward, n);
            double costForward = totalCost(gauss, other, forward, n);
            double costBackward = totalCost(other, gauss, backward, n);
            assertThat(costForward).as("seed=%d", seed).isCloseTo(costBackward, within(tol(costForward)));
            assertNoImprovingPairSwap(gauss, other, forward, n, "forward seed=" + seed);
            assertNoImprovingPairSwap(other, gauss, backward, n, "backward seed=" + seed);
        }
    }

    @Test
    void structuredMediumBatchesMatchSubsetDynamicProgramme() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(6_000L + seed);
            int n = 9 + rnd.nextInt(6); // 9..14
            float[] gauss = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] shaped = switch (seed % 3) {
                case 0 -> moons(rnd, n, 3.0);
                case 1 -> ring(rnd, n, 4, 5.0);
                default -> gaussianPoints(rnd, n, 0.1, 2.0);
            };
            float[] noise = seed % 2 == 0 ? gauss : shaped;
            float[] data = seed % 2 == 0 ? shaped : gauss;
            int[] perm = ot.assign(noise, data, n);
            assertPermutation(perm, n);
            double expected = subsetDpMin(noise, data, n);
            assertThat(totalCost(noise, data, perm, n))
                    .as("n=%d seed=%d", n, seed)
                    .isCloseTo(expected, within(tol(expected)));
        }
    }

    @Test
    void distantCloudsWithTinySpreadMatchBruteForce() {
        // Data far from the noise with a spread of 1e-2: the squared distances are ~1e8 while the differences
        // between pairings are small, which stresses precision.
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        for (int seed = 0; seed < 100; seed++) {
            SplittableRandom rnd = new SplittableRandom(31_000L + seed);
            int n = 2 + rnd.nextInt(7);
            float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] data = gaussianPoints(rnd, n, 1e-2, 1e4);
            int[] perm = ot.assign(noise, data, n);
            assertPermutation(perm, n);
            double expected = bruteForceMin(noise, data, n);
            assertThat(totalCost(noise, data, perm, n))
                    .as("n=%d seed=%d", n, seed)
                    .isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void degenerateSidesGiveOptimalPermutations() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        SplittableRandom rnd = new SplittableRandom(123);
        for (int n : new int[] {2, 5, 8, 40}) {
            float[] random = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] same = new float[2 * n];
            for (int i = 0; i < n; i++) {
                same[2 * i] = 3f;
                same[2 * i + 1] = -1f;
            }
            // Every permutation has the same cost when one side is a single repeated point.
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            int[] a = ot.assign(random, same, n);
            int[] b = ot.assign(same, random, n);
            assertPermutation(a, n);
            assertPermutation(b, n);
            double expected = totalCost(random, same, identity, n);
            assertThat(totalCost(random, same, a, n)).isCloseTo(expected, within(tol(expected)));
            assertThat(totalCost(same, random, b, n)).isCloseTo(expected, within(tol(expected)));

            // Collinear points (zero spread in y) against a random cloud.
            float[] line = new float[2 * n];
            for (int i = 0; i < n; i++) {
                line[2 * i] = (float) rnd.nextDouble();
                line[2 * i + 1] = 0.5f;
            }
            int[] c = ot.assign(line, random, n);
            assertPermutation(c, n);
            if (n <= 8) {
                assertThat(totalCost(line, random, c, n))
                        .isCloseTo(bruteForceMin(line, random, n), within(1e-9));
            } else {
                assertNoImprovingPairSwap(line, random, c, n, "collinear n=" + n);
            }
        }
    }

    @Test
    void oneInstanceHandlesVaryingBatchSizes() {
        MinibatchOptimalTransport shared = new MinibatchOptimalTransport();
        int[] sizes = {5, 128, 3, 64, 8, 1, 128, 12, 100, 7, 2, 128, 6};
        for (int round = 0; round < sizes.length; round++) {
            int n = sizes[round];
            SplittableRandom rnd = new SplittableRandom(300L + round);
            float[] noise = gaussianPoints(rnd, n, 1.0, 0.0);
            float[] data = round % 2 == 0 ? gaussianPoints(rnd, n, 2.0, 0.0) : moons(rnd, n, 3.0);
            int[] perm = shared.assign(noise, data, n);
            assertPermutation(perm, n);
            double got = totalCost(noise, data, perm, n);

            double expected;
            if (n <= 8) {
                expected = bruteForceMin(noise, data, n);
            } else if (n <= 14) {
                expected = subsetDpMin(noise, data, n);
            } else {
                int[] fresh = new MinibatchOptimalTransport().assign(noise, data, n);
                expected = totalCost(noise, data, fresh, n);
            }
            assertThat(got).as("round=%d n=%d", round, n).isCloseTo(expected, within(tol(expected)));
        }
    }

    @Test
    void overloadWritesIntoCallerArrayAndAcceptsLongerBuffers() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 6;
        // Buffers sized for 10 points; only the first n are used.
        float[] noise = gaussianPoints(rnd, 10, 1.0, 0.0);
        float[] data = gaussianPoints(rnd, 10, 1.0, 0.0);
        int[] out = new int[10];
        Arrays.fill(out, -7);
        ot.assign(noise, data, n, out);
        int[] head = Arrays.copyOf(out, n);
        assertPermutation(head, n);
        assertThat(Arrays.copyOfRange(out, n, 10)).containsOnly(-7);
        assertThat(head).containsExactly(ot.assign(noise, data, n));
        assertThat(totalCost(noise, data, head, n)).isCloseTo(bruteForceMin(noise, data, n), within(1e-9));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void rejectsInvalidArguments() {
        MinibatchOptimalTransport ot = new MinibatchOptimalTransport();
        float[] four = new float[8];

        assertThatThrownBy(() -> ot.assign(four, four, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
        assertThatThrownBy(() -> ot.assign(four, four, -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
        assertThatThrownBy(() -> ot.assign(four, four, MinibatchOptimalTransport.MAX_N + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be <=");
        assertThatThrownBy(() -> ot.assign(new float[7], four, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise has length 7");
        assertThatThrownBy(() -> ot.assign(four, new float[5], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data has length 5");
        assertThatThrownBy(() -> ot.assign(four, four, 4, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perm has length 3");

        float[] bad = new float[8];
        bad[3] = Float.NaN;
        assertThatThrownBy(() -> ot.assign(bad, four, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise[3] is not finite");
        float[] inf = new float[8];
        inf[6] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> ot.assign(four, inf, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data[6] is not finite");

        assertThatThrownBy(() -> ot.assign(null, four, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ot.assign(four, null, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ot.assign(four, four, 4, null)).isInstanceOf(NullPointerException.class);

        // The instance is still usable after rejected calls.
        assertThat(ot.assign(new float[] {0f, 0f, 1f, 1f}, new float[] {1f, 1f, 0f, 0f}, 2)).containsExactly(1, 0);
    }
}
