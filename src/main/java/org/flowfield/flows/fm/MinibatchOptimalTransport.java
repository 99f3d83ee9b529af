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
    /** Column (data) prices v; row potentials are implicit: u_i = min_j (cost_ij - v_j). */
    private double[] price = new double[0];
    /** Shortest-path distances of the columns during one augmentation. */
    private double[] dist = new double[0];
    /** Column assigned to each row, or -1. */
    private int[] colOfRow = new int[0];
    /** Row assigned to each column, or -1. */
    private int[] rowOfCol = new int[0];
    /** Predecessor row of each column on the shortest alternating path. */
    private int[] predRow = new int[0];
    /** Column list partitioned into scanned | at current minimum distance | not yet reached. */
    private int[] colList = new int[0];
    /** Free (unassigned) rows. */
    private int[] freeRows = new int[0];

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
        price = new double[n];
        dist = new double[n];
        colOfRow = new int[n];
        rowOfCol = new int[n];
        predRow = new int[n];
        colList = new int[n];
        freeRows = new int[n];
        capacity = n;
    }

    /*
     * Invariant used by every phase below (dual feasibility plus complementary slackness, with the row
     * potentials eliminated): every ASSIGNED row i is assigned to a column attaining min_j (c_ij - v_j).
     * Defining u_i as that minimum makes (u, v) dual feasible and every assigned edge tight, so once all rows
     * are assigned the assignment is optimal. Each phase only has to preserve the invariant; the cheap
     * initial phases just leave fewer free rows for the O(n^2)-per-row augmentation phase.
     */
    private void solve(float[] noise, float[] data, int n, int[] perm) {
        if (n == 1) {
            perm[0] = 0;
            return;
        }
        ensureCapacity(n);
        final double[] c = cost;
        final double[] v = price;
        final int[] x = colOfRow;
        final int[] y = rowOfCol;
        final int[] free = freeRows;

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

        // Phase 1, column reduction: v_j = min_i c_ij. All reduced costs are then >= 0, so a row whose reduced
        // cost is 0 at column j may take j; each row takes the first such column offered.
        Arrays.fill(x, 0, n, -1);
        for (int j = n - 1; j >= 0; j--) {
            double min = c[j];
            int iMin = 0;
            for (int i = 1, idx = n + j; i < n; i++, idx += n) {
                if (c[idx] < min) {
                    min = c[idx];
                    iMin = i;
                }
            }
            v[j] = min;
            if (x[iMin] < 0) {
                x[iMin] = j;
                y[j] = iMin;
            } else {
                y[j] = -1;
            }
        }

        // Phase 2, reduction transfer: lower the price of each assigned column until the row's second-best
        // column ties with it. The row stays at an argmin; other rows only see a dearer column.
        int numFree = 0;
        for (int i = 0; i < n; i++) {
            int j1 = x[i];
            if (j1 < 0) {
                free[numFree++] = i;
                continue;
            }
            int base = i * n;
            double second = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != j1) {
                    double h = c[base + j] - v[j];
                    if (h < second) {
                        second = h;
                    }
                }
            }
            double gap = second - (c[base + j1] - v[j1]);
            if (gap > 0) {
                v[j1] -= gap;
            }
        }

        // Phase 3, augmenting row reduction (two passes, auction-like): a free row takes its best column j1,
        // whose price drops until the row's second-best column ties with it; the row displaced from j1 (its
        // column just got dearer, so it may no longer be at an argmin) becomes free and is handled next.
        // Bounded by a step budget: any state satisfying the invariant is a valid start for phase 4.
        for (int pass = 0; pass < 2 && numFree > 0; pass++) {
            int k = 0;
            int previous = numFree;
            numFree = 0;
            int budget = ARR_STEPS_PER_ROW * n;
            while (k < previous) {
                if (--budget < 0) {
                    while (k < previous) {
                        free[numFree++] = free[k++];
                    }
                    break;
                }
                int i = free[k++];
                int base = i * n;
                double u1 = c[base] - v[0];
                int j1 = 0;
                double u2 = Double.POSITIVE_INFINITY;
                int j2 = -1;
                for (int j = 1; j < n; j++) {
                    double h = c[base + j] - v[j];
                    if (h < u2) {
                        if (h >= u1) {
                            u2 = h;
                            j2 = j;
                        } else {
                            u2 = u1;
                            j2 = j1;
                            u1 = h;
                            j1 = j;
                        }
                    }
                }
                int i0 = y[j1];
                boolean strict = u1 < u2;
                if (strict) {
                    v[j1] -= u2 - u1;
                } else if (i0 >= 0) {
                    // Tie: the second-best column is an argmin too; prefer it over displacing j1's row.
                    j1 = j2;
                    i0 = y[j2];
                }
                if (i0 >= 0) {
                    x[i0] = -1;
                }
                x[i] = j1;
                y[j1] = i;
                if (i0 >= 0) {
                    if (strict) {
                        free[--k] = i0; // continue the displacement chain immediately
                    } else {
                        free[numFree++] = i0; // defer to the next pass / phase 4
                    }
                }
            }
        }

        // Phase 4, shortest augmenting paths (Dijkstra over reduced costs) from each remaining free row.
        for (int f = 0; f < numFree; f++) {
            augment(free[f], n);
        }

        System.arraycopy(x, 0, perm, 0, n);
    }

    /** Number of augmenting-row-reduction steps allowed per row and pass before handing over to phase 4. */
    private static final int ARR_STEPS_PER_ROW = 8;

    /**
     * Assigns {@code freeRow} along a shortest alternating path in the reduced costs {@code c_ij - v_j} and
     * updates the prices of the scanned columns so that the invariant holds again, with one more row assigned.
     */
    private void augment(int freeRow, int n) {
        final double[] c = cost;
        final double[] v = price;
        final double[] d = dist;
        final int[] x = colOfRow;
        final int[] y = rowOfCol;
        final int[] pred = predRow;
        final int[] cols = colList;

        int fBase = freeRow * n;
        for (int j = 0; j < n; j++) {
            d[j] = c[fBase + j] - v[j];
            pred[j] = freeRow;
            cols[j] = j;
        }
        // cols[0, low): scanned; cols[low, up): at distance min, not yet scanned; cols[up, n): farther.
        int low = 0;
        int up = 0;
        int end = -1;
        double min = 0.0;
        while (true) {
            if (up == low) {
                // Collect all closest unreached columns; stop if one of them is free.
                min = d[cols[up++]];
                for (int k = up; k < n; k++) {
                    int j = cols[k];
                    double h = d[j];
                    if (h <= min) {
                        if (h < min) {
                            up = low;
                            min = h;
                        }
                        cols[k] = cols[up];
                        cols[up++] = j;
                    }
                }
                for (int k = low; k < up; k++) {
                    if (y[cols[k]] < 0) {
                        end = cols[k];
                        break;
                    }
                }
                if (end >= 0) {
                    break;
                }
            }
            // Scan one column at distance min: relax through the row assigned to it.
            int j1 = cols[low++];
            int i = y[j1];
            int base = i * n;
            double offset = c[base + j1] - v[j1] - min;
            for (int k = up; k < n; k++) {
                int j = cols[k];
                double dj = c[base + j] - v[j] - offset;
                if (dj < d[j]) {
                    pred[j] = i;
                    if (dj <= min) {
                        if (y[j] < 0) {
                            end = j;
                            break;
                        }
                        cols[k] = cols[up];
                        cols[up++] = j;
                    }
                    d[j] = dj;
                }
            }
            if (end >= 0) {
                break;
            }
        }

        // Price update of the scanned columns keeps every tree row at an argmin and makes the path tight.
        for (int k = 0; k < low; k++) {
            int j = cols[k];
            v[j] += d[j] - min;
        }
        // Flip the assignment along the path back to the free row.
        int j = end;
        while (true) {
            int i = pred[j];
            y[j] = i;
            int next = x[i];
            x[i] = j;
            if (i == freeRow) {
                break;
            }
            j = next;
        }
    }
}
