package org.flowfield.flows.fm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact minibatch optimal-transport coupling for flow-matching training
 * (seed 000, section 3.2.3 (minibatch OT coupling)).
 *
 * <p>Within one batch, {@code n} noise points {@code x0_i ~ p0} are paired with {@code n} data points
 * {@code x1_j ~ p1} by the permutation {@code perm} that minimises the total squared Euclidean distance
 * <pre>
 *     sum_i |x0_i - x1_perm[i]|^2
 * </pre>
 * i.e. the exact discrete 2-Wasserstein assignment between the two empirical batches. The pairs
 * {@code (x0_i, x1_perm[i])} are then used as the conditioning variable {@code z} of the conditional
 * probability paths, which gives straighter, less crossing paths than the independent coupling.
 *
 * <p><b>Shapes.</b> Both point arrays are interleaved 2-D coordinates {@code [x0, y0, x1, y1, ...]}; point
 * {@code k} occupies entries {@code 2k} and {@code 2k + 1}. Only the first {@code 2n} entries are read, so a
 * longer, reused buffer may be passed. The result {@code perm} has length {@code n}: noise point {@code i} is
 * paired with data point {@code perm[i]}.
 *
 * <p><b>Algorithm.</b> The assignment is solved exactly (not approximated, unlike Sinkhorn) by the
 * Hungarian method in its primal-dual, shortest-augmenting-path form (Kuhn-Munkres with potentials, as popularised by
 * Jonker and Volgenant): rows (noise points) are inserted one at a time; for each new row a Dijkstra-like
 * search over reduced costs {@code c(i,j) - u_i - v_j >= 0} finds the cheapest augmenting path to a free
 * column, the dual potentials {@code u, v} are raised/lowered so every edge on the tree stays tight, and the
 * matching is flipped along the path. Complementary slackness at the end certifies optimality. Time is
 * {@code O(n^3)}; all arithmetic is in {@code double}.
 *
 * <p><b>Allocation.</b> The instance keeps its work arrays (including the {@code n x n} cost matrix) sized for the
 * largest {@code n} seen so far and reuses them, so {@link #assign(float[], float[], int, int[])} allocates nothing
 * and {@link #assign(float[], float[], int)} allocates only the returned array.
 *
 * <p><b>Thread safety.</b> Not thread-safe: the work arrays are shared state. Use one instance per training run
 * (or per thread).
 */
public final class MinibatchOptimalTransport {

    /** Largest supported batch size: the {@code n x n} cost matrix must fit in one Java array. */
    public static final int MAX_N = 46_340;

    private static final double INF = Double.POSITIVE_INFINITY;

    /** Capacity (largest n) the work arrays are currently sized for. */
    private int capacity;
    /** Row-major cost matrix, {@code cost[i * n + j] = |noise_i - data_j|^2}, for the current n. */
    private double[] cost = new double[0];
    /** Row (noise) potentials u, length capacity. */
    private double[] rowPot = new double[0];
    /** Column (data) potentials v, length capacity + 1 (index n is the virtual root column). */
    private double[] colPot = new double[0];
    /** Smallest reduced cost from the search tree to each column, length capacity + 1. */
    private double[] slack = new double[0];
    /** Row currently matched to each column, or -1; index n holds the row being inserted. */
    private int[] colOwner = new int[0];
    /** Predecessor column on the shortest alternating path, length capacity + 1. */
    private int[] prevCol = new int[0];
    /** Whether a column is already in the search tree, length capacity + 1. */
    private boolean[] inTree = new boolean[0];

    /** Creates a solver with no preallocated work space; arrays grow on the first call. */
    public MinibatchOptimalTransport() {
    }

    /**
     * Computes an exact optimal pairing of {@code n} noise points with {@code n} data points.
     *
     * @param noise interleaved 2-D noise points {@code [x0, y0, x1, y1, ...]}, length at least {@code 2n}
     * @param data  interleaved 2-D data points, length at least {@code 2n}
     * @param n     number of points in each set, {@code 1 <= n <= MAX_N}
     * @return {@code perm} of length {@code n}: noise point {@code i} is paired with data point {@code perm[i]};
     *         {@code sum_i |noise_i - data_perm[i]|^2} is minimal over all permutations
     * @throws IllegalArgumentException if {@code n} is out of range, an array is too short, or a coordinate is not
     *                                  finite
     * @throws NullPointerException     if an array is {@code null}
     */
    public int[] assign(float[] noise, float[] data, int n) {
        checkInputs(noise, data, n);
        int[] perm = new int[n];
        solve(noise, data, n, perm);
        return perm;
    }

    /**
     * Allocation-free variant of {@link #assign(float[], float[], int)}: writes the optimal pairing into
     * {@code perm[0 .. n-1]}.
     *
     * @param noise interleaved 2-D noise points, length at least {@code 2n}
     * @param data  interleaved 2-D data points, length at least {@code 2n}
     * @param n     number of points in each set, {@code 1 <= n <= MAX_N}
     * @param perm  output, length at least {@code n}; on return noise point {@code i} is paired with data point
     *              {@code perm[i]} (entries from index {@code n} on are left untouched)
     * @throws IllegalArgumentException if {@code n} is out of range, an array is too short, or a coordinate is not
     *                                  finite
     * @throws NullPointerException     if an array is {@code null}
     */
    public void assign(float[] noise, float[] data, int n, int[] perm) {
        checkInputs(noise, data, n);
        Objects.requireNonNull(perm, "perm must not be null");
        if (perm.length < n) {
            throw new IllegalArgumentException(
                    "perm has length " + perm.length + " but must hold at least n = " + n + " entries");
        }
        solve(noise, data, n, perm);
    }

    private static void checkInputs(float[] noise, float[] data, int n) {
        Objects.requireNonNull(noise, "noise must not be null");
        Objects.requireNonNull(data, "data must not be null");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (n > MAX_N) {
            throw new IllegalArgumentException("n must be <= " + MAX_N + " (n*n cost matrix), got " + n);
        }
        int len = 2 * n;
        if (noise.length < len) {
            throw new IllegalArgumentException("noise has length " + noise.length
                    + " but n = " + n + " interleaved 2-D points need at least " + len);
        }
        if (data.length < len) {
            throw new IllegalArgumentException("data has length " + data.length
                    + " but n = " + n + " interleaved 2-D points need at least " + len);
        }
        for (int k = 0; k < len; k++) {
            if (!Float.isFinite(noise[k])) {
                throw new IllegalArgumentException("noise[" + k + "] is not finite: " + noise[k]);
            }
            if (!Float.isFinite(data[k])) {
                throw new IllegalArgumentException("data[" + k + "] is not finite: " + data[k]);
            }
        }
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        cost = new double[n * n];
        rowPot = new double[n];
        colPot = new double[n + 1];
        slack = new double[n + 1];
        colOwner = new int[n + 1];
        prevCol = new int[n + 1];
        inTree = new boolean[n + 1];
        capacity = n;
    }

    private void solve(float[] noise, float[] data, int n, int[] perm) {
        ensureCapacity(n);
        final double[] c = cost;
        final double[] u = rowPot;
        final double[] v = colPot;
        final double[] minSlack = slack;
        final int[] owner = colOwner;
        final int[] prev = prevCol;
        final boolean[] used = inTree;

        // Cost matrix in double precision, row-major with stride n.
        for (int i = 0; i < n; i++) {
            double xi = noise[2 * i];
            double yi = noise[2 * i + 1];
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double dx = xi - data[2 * j];
                double dy = yi - data[2 * j + 1];
                c[base + j] = dx * dx + dy * dy;
            }
        }

        Arrays.fill(u, 0, n, 0.0);
        Arrays.fill(v, 0, n + 1, 0.0);
        Arrays.fill(owner, 0, n + 1, -1);

        final int root = n; // virtual column from which the new row hangs
        for (int row = 0; row < n; row++) {
            owner[root] = row;
            Arrays.fill(minSlack, 0, n, INF);
            Arrays.fill(used, 0, n + 1, false);
            int col0 = root;
            // Grow a shortest-path tree over reduced costs until a free column is reached.
            do {
                used[col0] = true;
                int r0 = owner[col0];
                double ur0 = u[r0];
                int base = r0 * n;
                double delta = INF;
                int col1 = -1;
                for (int j = 0; j < n; j++) {
                    if (!used[j]) {
                        double reduced = c[base + j] - ur0 - v[j];
                        if (reduced < minSlack[j]) {
                            minSlack[j] = reduced;
                            prev[j] = col0;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            col1 = j;
                        }
                    }
                }
                // Dual update: keep tree edges tight and shrink the slack of the columns outside the tree.
                u[owner[root]] += delta;
                for (int j = 0; j < n; j++) {
                    if (used[j]) {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                col0 = col1;
            } while (owner[col0] != -1);
            // Augment: flip the matching along the alternating path back to the root.
            do {
                int p = prev[col0];
                owner[col0] = owner[p];
                col0 = p;
            } while (col0 != root);
        }

        for (int j = 0; j < n; j++) {
            perm[owner[j]] = j;
        }
    }
}
