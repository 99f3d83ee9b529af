package org.flowfield.flows.fm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact minibatch optimal-transport coupling for flow-matching training
 * (Tong et al. 2024, minibatch OT; docs/equations.md).
 *
 * <p>Within one batch, {@code n} noise points {@code x0_i ~ p0} are paired with {@code n} data points
 * {@code x1_j ~ p1} by the permutation {@code perm} that minimises the total squared Euclidean distance
 * <pre>
 *     sum_i |x0_i - x1_perm[i]|^2
 * </pre>
 * i.e. the exact discrete 2-Wasserstein assignment between the two empirical batches. The pairs
 * {@code (x0_i, x1_perm[i])} are then used as the conditioning variable {@code z = (x0, x1)} of the conditional
 * probability paths, which gives straighter, less crossing paths than the independent coupling.
 *
 * <p><b>Shapes.</b> Both point arrays are interleaved 2-D coordinates {@code [x0, y0, x1, y1, ...]}; point
 * {@code k} occupies entries {@code 2k} and {@code 2k + 1}. Only the first {@code 2n} entries are read, so a
 * longer, reused buffer may be passed. The result {@code perm} has length {@code n}: noise point {@code i} is
 * paired with data point {@code perm[i]}, and every data index occurs exactly once.
 *
 * <p><b>Algorithm.</b> The assignment is solved exactly (no entropic relaxation as in Sinkhorn) by the Hungarian
 * method in its primal-dual shortest-augmenting-path form (Kuhn-Munkres with potentials, organised as by Jonker and
 * Volgenant), in {@code double} precision. Column prices {@code v_j} are kept explicitly and row potentials
 * implicitly as {@code u_i = min_j (c_ij - v_j)}; the invariant is that every assigned row sits at a column attaining
 * that minimum (dual feasibility plus complementary slackness). A column reduction ({@code v_j = min_i c_ij})
 * assigns the first rows for free; every remaining free row is then inserted along a shortest alternating path in
 * the reduced costs (Dijkstra, stopping at the first free column), after which the prices of the scanned columns
 * are updated so that the invariant holds again. When all rows are assigned the assignment is optimal. Worst-case
 * time is {@code O(n^3)}.
 *
 * <p>Two transformations that do not change the optimal permutation make typical batches much faster:
 * <ul>
 *   <li>since {@code |a - b|^2 = |a|^2 + |b|^2 - 2 a.b}, the optimum only depends on {@code sum_i a_i . b_perm[i]},
 *       so each point cloud may be translated and scaled by a positive factor independently. Both are normalised to
 *       zero mean and unit root-mean-square radius before the costs are formed; this makes the clouds overlap (e.g.
 *       standard-normal noise against a wide data set), so the column reduction already assigns many rows;</li>
 *   <li>the problem is solved in whichever orientation (noise as rows, or data as rows) lets the column reduction
 *       assign more rows, and the result is inverted if needed.</li>
 * </ul>
 * The returned total cost equals the exact minimum up to double-precision rounding of the (normalised) costs;
 * permutations whose costs differ by less than that rounding are effectively ties.
 *
 * <p><b>Allocation.</b> The instance keeps its work arrays (including the {@code n x n} cost matrix) sized for the
 * largest {@code n} seen so far and reuses them, so {@link #assign(float[], float[], int, int[])} allocates nothing
 * and {@link #assign(float[], float[], int)} allocates only the returned array.
 *
 * <p><b>Thread safety.</b> Not thread-safe: the work arrays are shared mutable state. Use one instance per training
 * run (or per thread).
 */
public final class MinibatchOptimalTransport {

    /** Largest supported batch size: the {@code n x n} cost matrix must fit in one Java array. */
    public static final int MAX_N = 46_340;

    private static final double INF = Double.POSITIVE_INFINITY;

    /** Capacity (largest n) the work arrays are currently sized for. */
    private int capacity;
    /** Row-major cost matrix {@code cost[r * n + c]} of the problem being solved (possibly transposed). */
    private double[] cost = new double[0];
    /** Normalised coordinates of the noise points (a) and the data points (b). */
    private double[] ax = new double[0];
    private double[] ay = new double[0];
    private double[] bx = new double[0];
    private double[] by = new double[0];
    /** Column prices v; row potentials are implicit: u_r = min_c (cost_rc - v_c). */
    private double[] price = new double[0];
    /** Per-row minimum of the cost matrix (the column reduction of the transposed problem). */
    private double[] rowMin = new double[0];
    /** Column assigned to each row, or -1. */
    private int[] colOfRow = new int[0];
    /** Row assigned to each column, or -1. */
    private int[] rowOfCol = new int[0];
    /** Argmin row of each column / argmin column of each row, used to pick the orientation. */
    private int[] colArgMin = new int[0];
    private int[] rowArgMin = new int[0];
    /** Free (unassigned) rows left after the column reduction. */
    private int[] freeRows = new int[0];
    /** Dijkstra state of one augmentation: tentative distances (+INF once scanned) ... */
    private double[] dist = new double[0];
    /** ... working prices (-INF once scanned, which makes the column inert in the relaxation loop) ... */
    private double[] workPrice = new double[0];
    /** ... and, in scan order, the scanned columns, their rows, distances and relaxation offsets. */
    private int[] scanCol = new int[0];
    private int[] scanRow = new int[0];
    private double[] scanDist = new double[0];
    private double[] scanOffset = new double[0];

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
        ax = new double[n];
        ay = new double[n];
        bx = new double[n];
        by = new double[n];
        price = new double[n];
        rowMin = new double[n];
        colOfRow = new int[n];
        rowOfCol = new int[n];
        colArgMin = new int[n];
        rowArgMin = new int[n];
        freeRows = new int[n];
        dist = new double[n];
        workPrice = new double[n];
        scanCol = new int[n];
        scanRow = new int[n];
        scanDist = new double[n];
        scanOffset = new double[n];
        capacity = n;
    }

    private void solve(float[] noise, float[] data, int n, int[] perm) {
        if (n == 1) {
            perm[0] = 0;
            return;
        }
        ensureCapacity(n);
        normalise(noise, n, ax, ay);
        normalise(data, n, bx, by);
        final double[] c = cost;
        final double[] v = price;
        final int[] x = colOfRow;
        final int[] y = rowOfCol;

        // Cost matrix with noise as rows, plus each row's minimum.
        for (int i = 0; i < n; i++) {
            double xi = ax[i];
            double yi = ay[i];
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double dx = xi - bx[j];
                double dy = yi - by[j];
                c[base + j] = dx * dx + dy * dy;
            }
            double min = c[base];
            int arg = 0;
            for (int j = 1; j < n; j++) {
                if (c[base + j] < min) {
                    min = c[base + j];
                    arg = j;
                }
            }
            rowMin[i] = min;
            rowArgMin[i] = arg;
        }
        // Each column's minimum: v_j = min_i c_ij is the column reduction of the noise-as-rows problem.
        for (int j = 0; j < n; j++) {
            v[j] = c[j];
            colArgMin[j] = 0;
        }
        for (int i = 1; i < n; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                if (c[base + j] < v[j]) {
                    v[j] = c[base + j];
                    colArgMin[j] = i;
                }
            }
        }

        // Orientation: the column reduction assigns one row per distinct argmin; solve the side that gets more.
        Arrays.fill(x, 0, n, -1);
        Arrays.fill(y, 0, n, -1);
        int distinctRows = 0;
        for (int j = 0; j < n; j++) {
            if (x[colArgMin[j]] < 0) {
                x[colArgMin[j]] = j;
                distinctRows++;
            }
        }
        int distinctCols = 0;
        for (int i = 0; i < n; i++) {
            if (y[rowArgMin[i]] < 0) {
                y[rowArgMin[i]] = i;
                distinctCols++;
            }
        }
        boolean transposed = distinctCols > distinctRows;
        if (transposed) {
            for (int r = 0; r < n; r++) {
                for (int k = r + 1; k < n; k++) {
                    double t = c[r * n + k];
                    c[r * n + k] = c[k * n + r];
                    c[k * n + r] = t;
                }
            }
            System.arraycopy(rowMin, 0, v, 0, n);
            // Rows are now data points: y (data -> first noise point whose nearest data point it is, or -1) becomes
            // the row-to-column map; each chosen edge attains its column's minimum, so its reduced cost is 0.
            System.arraycopy(y, 0, x, 0, n);
        }
        // x now holds the column-reduction assignment of the oriented problem; build its inverse and the free rows.
        Arrays.fill(y, 0, n, -1);
        int numFree = 0;
        for (int r = 0; r < n; r++) {
            if (x[r] >= 0) {
                y[x[r]] = r;
            } else {
                freeRows[numFree++] = r;
            }
        }

        // Shortest augmenting paths from every remaining free row.
        for (int f = 0; f < numFree; f++) {
            augment(freeRows[f], n);
        }

        if (transposed) {
            // x maps data -> noise; invert.
            for (int r = 0; r < n; r++) {
                perm[x[r]] = r;
            }
        } else {
            System.arraycopy(x, 0, perm, 0, n);
        }
    }

    /** Writes the points translated to zero mean and scaled to unit root-mean-square radius into (px, py). */
    private static void normalise(float[] pts, int n, double[] px, double[] py) {
        double mx = 0.0;
        double my = 0.0;
        for (int k = 0; k < n; k++) {
            mx += pts[2 * k];
            my += pts[2 * k + 1];
        }
        mx /= n;
        my /= n;
        double sq = 0.0;
        for (int k = 0; k < n; k++) {
            double dx = pts[2 * k] - mx;
            double dy = pts[2 * k + 1] - my;
            px[k] = dx;
            py[k] = dy;
            sq += dx * dx + dy * dy;
        }
        double rms = Math.sqrt(sq / n);
        if (rms > 0.0 && Double.isFinite(rms)) {
            double inv = 1.0 / rms;
            for (int k = 0; k < n; k++) {
                px[k] *= inv;
                py[k] *= inv;
            }
        }
    }

    /**
     * Assigns {@code freeRow} along a shortest alternating path in the reduced costs {@code c_rc - v_c} (Dijkstra
     * from the free row, stopping at the first free column reached), then updates the prices of the scanned columns
     * so that every row again sits at a minimum of its reduced costs, now with one more row assigned.
     *
     * <p>The relaxation loop keeps no predecessor labels (so it is branch-free): a column's predecessor on the path is
     * recovered afterwards as a row, scanned before it, whose relaxation value reproduces the column's distance.
     */
    private void augment(int freeRow, int n) {
        final double[] c = cost;
        final double[] v = price;
        final double[] d = dist;
        final double[] w = workPrice;
        final int[] x = colOfRow;
        final int[] y = rowOfCol;

        int fBase = freeRow * n;
        for (int j = 0; j < n; j++) {
            double vj = v[j];
            w[j] = vj;
            d[j] = c[fBase + j] - vj;
        }
        int numScanned = 0;
        double mu;
        int end;
        while (true) {
            // Closest unscanned column; among ties prefer a free one (ends the search sooner).
            double best = INF;
            int bestCol = -1;
            for (int j = 0; j < n; j++) {
                double dj = d[j];
                if (dj <= best && (dj < best || y[j] < 0)) {
                    best = dj;
                    bestCol = j;
                }
            }
            mu = best;
            int row = y[bestCol];
            if (row < 0) {
                end = bestCol;
                break;
            }
            // Scan it: relax every unscanned column through the row assigned to it. The row is at a minimum of its
            // reduced costs, so the increments c_rj - v_j - (c_r,best - v_best) are >= 0.
            int base = row * n;
            double offset = c[base + bestCol] - w[bestCol] - mu;
            scanCol[numScanned] = bestCol;
            scanRow[numScanned] = row;
            scanDist[numScanned] = mu;
            scanOffset[numScanned] = offset;
            numScanned++;
            w[bestCol] = Double.NEGATIVE_INFINITY; // relaxation value becomes +INF: never improves again
            d[bestCol] = INF;                      // never selected again
            for (int j = 0; j < n; j++) {
                d[j] = Math.min(d[j], c[base + j] - w[j] - offset);
            }
        }

        // Walk the path back from the free column. The distance of column j is the minimum of its relaxation values
        // (c_fj - v_j from the free row, c_rj - v_j - offset_k from the row scanned at step k, for k before j was
        // scanned); any row attaining it is a valid predecessor. Values are recomputed with identical arithmetic.
        int col = end;
        int limit = numScanned;
        while (true) {
            double vc = v[col];
            double bestVal = c[fBase + col] - vc;
            int bestK = -1;
            for (int k = 0; k < limit; k++) {
                double val = c[scanRow[k] * n + col] - vc - scanOffset[k];
                if (val < bestVal) {
                    bestVal = val;
                    bestK = k;
                }
            }
            int row = bestK < 0 ? freeRow : scanRow[bestK];
            y[col] = row;
            x[row] = col;
            if (bestK < 0) {
                break;
            }
            col = scanCol[bestK];
            limit = bestK;
        }

        // Price update: lowering v_j by (mu - d_j) for the scanned columns keeps every tree row at a minimum of its
        // reduced costs and makes the new path edges tight (all unscanned columns have d_j >= mu).
        for (int k = 0; k < numScanned; k++) {
            v[scanCol[k]] += scanDist[k] - mu;
        }
    }
}
