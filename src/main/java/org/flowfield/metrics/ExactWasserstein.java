package org.flowfield.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * docs/figures.md "exact 2-Wasserstein distance": between two equally sized 2-D point sets, the
 * square root of the mean squared distance of the pairs of the best one-to-one pairing,
 * W2 = sqrt(min over permutations σ of (1/n) Σᵢ |aᵢ − b_σ(i)|²).
 *
 * <p>The pairing is an exact linear assignment on double costs, computed without a cost matrix
 * (10,000 points would need 800 MB): the costs are recomputed from the coordinates each time they
 * are read. The method is the primal-dual shortest augmenting path method (Kuhn–Munkres with
 * potentials, as organised by Jonker and Volgenant): row potentials u and column potentials v are
 * kept dual feasible (uᵢ + vⱼ ≤ cᵢⱼ) with every assigned pair tight (uᵢ + vⱼ = cᵢⱼ); a column
 * reduction (or, for sets that lie apart, the potentials of a quarter-size problem) pairs many rows
 * at once, and every row still free is added along a shortest alternating path in the reduced
 * costs (Dijkstra with a heap, stopping at the first free column). The paths run over each row's
 * candidate columns, those of smallest reduced cost; a pricing pass over all n² pairs between
 * rounds finds the rows whose potential no longer holds outside their candidates, lowers it, widens
 * their candidates and frees them, until a pass finds none: then (u, v) is feasible for every pair
 * and the pairing optimal by complementary slackness. Measured at n = 10,000 on one core of a
 * 2-core Xeon: 7 s of CPU for two samples of the rings, 9 s for a Gaussian against the rings.
 *
 * <p>Exactness does not rest on the algorithm alone: after it ends, every row potential is
 * recomputed as uᵢ = minⱼ (cᵢⱼ − vⱼ), which makes (u, v) dual feasible whatever rounding did, so
 * Σu + Σv is a lower bound of the optimal total cost (weak duality of the assignment LP). The
 * result carries that bound; the pairing is optimal to within the difference, which the tests
 * and {@link #distance} require to be at rounding level.
 *
 * <p>Point sets are interleaved {@code [x0, y0, x1, y1, ...]}, length 2n.
 */
public final class ExactWasserstein {

    /**
     * The largest relative gap between the pairing's cost and its dual bound that counts as
     * rounding: sums of 10⁴ to 10⁸ doubles lose about 10⁻¹² relatively, far below this.
     */
    public static final double CERTIFIED_RELATIVE_GAP = 1e-9;

    /** Columns each row first offers the sparse search: those of smallest reduced cost. */
    private static final int CANDIDATES = 24;

    /** Problems this large may start from the potentials of a quarter-size one. */
    private static final int COARSE_FROM = 1_000;

    /** Seed of the points of the quarter-size problem; any fixed seed gives the same optimum. */
    private static final long COARSE_SEED = 0xC0A25EL;

    /** Relative slack below which a row potential's excess over its feasible maximum counts as rounding. */
    private static final double ROUNDING = 1e-12;

    private final int n;
    private final double[] ax;
    private final double[] ay;
    private final double[] bx;
    private final double[] by;
    private final double[] u;
    private final double[] v;
    private final int[] columnOfRow;
    private final int[] rowOfColumn;
    private final int[][] candidates;
    private final int[] candidateCount;
    private final double[] rowMinimum;
    private final SearchState search;

    /**
     * An optimal pairing of two point sets.
     *
     * @param columnOfRow for each point i of the first set, the point of the second set paired with it
     * @param cost Σᵢ |aᵢ − b_σ(i)|² of the pairing
     * @param dualBound a proven lower bound of the optimal Σ; {@code cost − dualBound} bounds how far
     *     the pairing can be from optimal
     */
    public record Assignment(int[] columnOfRow, double cost, double dualBound) {

        /** The 2-Wasserstein distance of the pairing: sqrt(cost / n). */
        public double distance() {
            return Math.sqrt(cost / columnOfRow.length);
        }

        /** Whether the pairing is proven optimal to within {@link #CERTIFIED_RELATIVE_GAP}. */
        public boolean certified() {
            return cost - dualBound <= CERTIFIED_RELATIVE_GAP * Math.max(cost, Double.MIN_NORMAL);
        }
    }

    private ExactWasserstein(float[] a, float[] b) {
        n = a.length / 2;
        ax = new double[n];
        ay = new double[n];
        bx = new double[n];
        by = new double[n];
        for (int i = 0; i < n; i++) {
            ax[i] = a[2 * i];
            ay[i] = a[2 * i + 1];
            bx[i] = b[2 * i];
            by[i] = b[2 * i + 1];
        }
        u = new double[n];
        v = new double[n];
        columnOfRow = new int[n];
        rowOfColumn = new int[n];
        Arrays.fill(columnOfRow, -1);
        Arrays.fill(rowOfColumn, -1);
        candidates = new int[n][];
        candidateCount = new int[n];
        rowMinimum = new double[n];
        search = new SearchState(n);
    }

    /**
     * The exact 2-Wasserstein distance between the empirical distributions of two sets of the same
     * size; NaN when a set holds a NaN coordinate, else infinite when one holds an infinite one.
     *
     * @throws IllegalStateException when the dual certificate does not confirm the pairing, which
     *     would mean the figure is not exact
     */
    public static double distance(float[] a, float[] b) {
        requirePoints("a", a);
        requirePoints("b", b);
        requireSameSize(a, b);
        if (hasNaN(a) || hasNaN(b)) {
            return Double.NaN;
        }
        if (hasInfinite(a) || hasInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        Assignment assignment = assign(a, b);
        if (!assignment.certified()) {
            throw new IllegalStateException("the assignment's cost " + assignment.cost()
                    + " is not certified by its dual bound " + assignment.dualBound());
        }
        return assignment.distance();
    }

    /**
     * An optimal pairing with its dual bound.
     *
     * @param a first set, interleaved, finite, length 2n, n &gt; 0
     * @param b second set, interleaved, finite, same length
     */
    public static Assignment assign(float[] a, float[] b) {
        requirePoints("a", a);
        requirePoints("b", b);
        requireSameSize(a, b);
        if (hasNaN(a) || hasNaN(b) || hasInfinite(a) || hasInfinite(b)) {
            throw new IllegalArgumentException("an exact assignment needs finite coordinates");
        }
        return new ExactWasserstein(a, b).solve();
    }

    /**
     * Column reduction, then rounds of: shortest augmenting paths over each row's candidate columns
     * for every free row; a pricing pass over all n² pairs that finds the rows whose potential is
     * no longer feasible outside their candidates, lowers it, gives the row its columns of smallest
     * reduced cost as new candidates and frees it when its pair is no longer tight. A round whose
     * pricing pass finds nothing ends it: the potentials are then feasible for every pair.
     */
    private Assignment solve() {
        reduceColumns();
        if (n >= COARSE_FROM && assignedRows() < n / 2) {
            Arrays.fill(columnOfRow, -1);
            Arrays.fill(rowOfColumn, -1);
            startFromCoarsePotentials();
        }
        for (int i = 0; i < n; i++) {
            candidates[i] = new int[CANDIDATES + 1];
            candidates[i][candidateCount[i]++] = i;
        }
        price(true);
        do {
            for (int row = 0; row < n; row++) {
                if (columnOfRow[row] < 0) {
                    augment(row);
                }
            }
        } while (price(false));
        double cost = 0;
        double bound = 0;
        for (int i = 0; i < n; i++) {
            cost += cost(i, columnOfRow[i]);
            bound += rowMinimum[i];
        }
        for (int j = 0; j < n; j++) {
            bound += v[j];
        }
        return new Assignment(columnOfRow.clone(), cost, bound);
    }

    private double cost(int row, int column) {
        double dx = ax[row] - bx[column];
        double dy = ay[row] - by[column];
        return dx * dx + dy * dy;
    }

    /**
     * Starts from the potentials of a quarter-size problem on points drawn from both sets: the
     * optimal potentials of samples approximate those of the distributions, so most rows then
     * need only short paths. Used when the column reduction pairs fewer than half the rows: the
     * sets then lie apart (a Gaussian and the rings, n = 10,000: 30 s of CPU without it, 9 s with it),
     * while for sets that overlap (a trained model's samples and the data) the column reduction
     * is the faster start (7 s against 22 s). The coarse row potentials u are carried over as the column
     * potentials vⱼ = minᵢ (cᵢⱼ − uᵢ) over the coarse rows (their c-transform), which is feasible
     * for every pair with the row potentials {@link #price} sets next.
     */
    private void startFromCoarsePotentials() {
        int m = n / 4;
        int[] rows = sampleIndices(n, m, COARSE_SEED);
        int[] columns = sampleIndices(n, m, COARSE_SEED + 1);
        float[] coarseA = new float[2 * m];
        float[] coarseB = new float[2 * m];
        for (int k = 0; k < m; k++) {
            coarseA[2 * k] = (float) ax[rows[k]];
            coarseA[2 * k + 1] = (float) ay[rows[k]];
            coarseB[2 * k] = (float) bx[columns[k]];
            coarseB[2 * k + 1] = (float) by[columns[k]];
        }
        ExactWasserstein coarse = new ExactWasserstein(coarseA, coarseB);
        coarse.solve();
        for (int j = 0; j < n; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double dx = coarse.ax[k] - bx[j];
                double dy = coarse.ay[k] - by[j];
                min = Math.min(min, dx * dx + dy * dy - coarse.u[k]);
            }
            v[j] = min;
        }
    }

    private int assignedRows() {
        int assigned = 0;
        for (int column : columnOfRow) {
            assigned += column >= 0 ? 1 : 0;
        }
        return assigned;
    }

    /** {@code m} distinct indices of 0..n−1 drawn from the seed (a partial Fisher–Yates shuffle). */
    private static int[] sampleIndices(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int k = 0; k < m; k++) {
            int pick = k + random.nextInt(n - k);
            int swap = order[k];
            order[k] = order[pick];
            order[pick] = swap;
        }
        return Arrays.copyOf(order, m);
    }

    /** vⱼ = minᵢ cᵢⱼ with u = 0; a column takes its nearest row when that row is still free. */
    private void reduceColumns() {
        for (int j = 0; j < n; j++) {
            double min = Double.POSITIVE_INFINITY;
            int argMin = -1;
            for (int i = 0; i < n; i++) {
                double c = cost(i, j);
                if (c < min) {
                    min = c;
                    argMin = i;
                }
            }
            v[j] = min;
            if (columnOfRow[argMin] < 0) {
                columnOfRow[argMin] = j;
                rowOfColumn[j] = argMin;
            }
        }
    }

    /**
     * Records each row's minimum reduced cost minⱼ (cᵢⱼ − vⱼ) (the largest feasible uᵢ) and repairs
     * the rows where uᵢ exceeds it, and (when {@code allRows}) gives every row its candidates.
     *
     * @return whether a row was repaired or freed, so that another round is needed
     */
    private boolean price(boolean allRows) {
        boolean repaired = false;
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            double rowAx = ax[i];
            double rowAy = ay[i];
            for (int j = 0; j < n; j++) {
                double dx = rowAx - bx[j];
                double dy = rowAy - by[j];
                min = Math.min(min, dx * dx + dy * dy - v[j]);
            }
            rowMinimum[i] = min;
            boolean free = columnOfRow[i] < 0;
            boolean infeasible = !free && min < u[i] - ROUNDING * (1 + Math.abs(u[i]));
            if (allRows || free || infeasible) {
                addSmallestReducedCosts(i);
            }
            if (free || infeasible) {
                repaired |= infeasible;
                u[i] = min;
                if (infeasible && cost(i, columnOfRow[i]) - v[columnOfRow[i]] > min) {
                    rowOfColumn[columnOfRow[i]] = -1;
                    columnOfRow[i] = -1;
                }
                if (columnOfRow[i] < 0) {
                    int first = candidates[i][firstSmallest(i)];
                    if (rowOfColumn[first] < 0 && cost(i, first) - v[first] == min) {
                        columnOfRow[i] = first;
                        rowOfColumn[first] = i;
                    }
                }
            }
        }
        return repaired;
    }

    /** Adds to row i's candidates its {@link #CANDIDATES} columns of smallest reduced cost. */
    private void addSmallestReducedCosts(int i) {
        int[] best = new int[CANDIDATES];
        double[] bestCost = new double[CANDIDATES];
        Arrays.fill(bestCost, Double.POSITIVE_INFINITY);
        int kept = Math.min(CANDIDATES, n);
        for (int j = 0; j < n; j++) {
            double reduced = cost(i, j) - v[j];
            if (reduced < bestCost[kept - 1]) {
                int at = kept - 1;
                while (at > 0 && bestCost[at - 1] > reduced) {
                    bestCost[at] = bestCost[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestCost[at] = reduced;
                best[at] = j;
            }
        }
        for (int k = 0; k < kept; k++) {
            addCandidate(i, best[k]);
        }
    }

    private void addCandidate(int row, int column) {
        int count = candidateCount[row];
        int[] columns = candidates[row];
        for (int k = 0; k < count; k++) {
            if (columns[k] == column) {
                return;
            }
        }
        if (count == columns.length) {
            columns = Arrays.copyOf(columns, 2 * count);
            candidates[row] = columns;
        }
        columns[count] = column;
        candidateCount[row] = count + 1;
    }

    /** The index among row i's candidates of one with the smallest reduced cost. */
    private int firstSmallest(int i) {
        int at = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < candidateCount[i]; k++) {
            int j = candidates[i][k];
            double reduced = cost(i, j) - v[j];
            if (reduced < min) {
                min = reduced;
                at = k;
            }
        }
        return at;
    }

    /**
     * Dijkstra from a free row over the reduced costs cᵢⱼ − uᵢ − vⱼ ≥ 0 of the candidate pairs,
     * until a free column is reached; then the potentials of the scanned rows and columns move so
     * that the path's pairs are tight, and the assignment is flipped along the path. The row's own
     * index is among its candidates, so the candidate pairs hold a perfect matching and a path
     * always exists.
     */
    private void augment(int start) {
        SearchState s = search;
        s.begin();
        double pathLength = 0;
        int row = start;
        int sink = -1;
        while (sink < 0) {
            s.scannedRows[s.rowsScanned++] = row;
            double base = pathLength - u[row];
            int[] columns = candidates[row];
            for (int k = 0; k < candidateCount[row]; k++) {
                int j = columns[k];
                if (s.finalized[j] == s.generation) {
                    continue;
                }
                double length = base + cost(row, j) - v[j];
                if (s.reached[j] != s.generation || length < s.shortest[j]) {
                    s.reached[j] = s.generation;
                    s.shortest[j] = length;
                    s.predecessor[j] = row;
                    s.push(length, j);
                }
            }
            int column = s.popNearest();
            pathLength = s.shortest[column];
            s.finalized[column] = s.generation;
            s.scannedColumns[s.columnsScanned++] = column;
            if (rowOfColumn[column] < 0) {
                sink = column;
            } else {
                row = rowOfColumn[column];
            }
        }
        u[start] += pathLength;
        for (int k = 1; k < s.rowsScanned; k++) {
            int scanned = s.scannedRows[k];
            u[scanned] += pathLength - s.shortest[columnOfRow[scanned]];
        }
        for (int k = 0; k < s.columnsScanned; k++) {
            int column = s.scannedColumns[k];
            v[column] -= pathLength - s.shortest[column];
        }
        int column = sink;
        while (true) {
            int previousRow = s.predecessor[column];
            rowOfColumn[column] = previousRow;
            int previousColumn = columnOfRow[previousRow];
            columnOfRow[previousRow] = column;
            if (previousRow == start) {
                break;
            }
            column = previousColumn;
        }
    }

    /** The work arrays of one shortest-path search, reused: a generation number marks what is current. */
    private static final class SearchState {
        final double[] shortest;
        final int[] predecessor;
        final int[] reached;
        final int[] finalized;
        final int[] scannedRows;
        final int[] scannedColumns;
        int generation;
        int rowsScanned;
        int columnsScanned;
        double[] heapKeys = new double[64];
        int[] heapColumns = new int[64];
        int heapSize;

        SearchState(int n) {
            shortest = new double[n];
            predecessor = new int[n];
            reached = new int[n];
            finalized = new int[n];
            scannedRows = new int[n];
            scannedColumns = new int[n];
        }

        void begin() {
            generation++;
            rowsScanned = 0;
            columnsScanned = 0;
            heapSize = 0;
        }

        void push(double key, int column) {
            if (heapSize == heapKeys.length) {
                heapKeys = Arrays.copyOf(heapKeys, 2 * heapSize);
                heapColumns = Arrays.copyOf(heapColumns, 2 * heapSize);
            }
            int at = heapSize++;
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (heapKeys[parent] <= key) {
                    break;
                }
                heapKeys[at] = heapKeys[parent];
                heapColumns[at] = heapColumns[parent];
                at = parent;
            }
            heapKeys[at] = key;
            heapColumns[at] = column;
        }

        /** The reached, not yet finalized column nearest the start (entries made stale by a shorter path are skipped). */
        int popNearest() {
            while (heapSize > 0) {
                double key = heapKeys[0];
                int column = heapColumns[0];
                double lastKey = heapKeys[--heapSize];
                int lastColumn = heapColumns[heapSize];
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= heapSize) {
                        break;
                    }
                    if (child + 1 < heapSize && heapKeys[child + 1] < heapKeys[child]) {
                        child++;
                    }
                    if (heapKeys[child] >= lastKey) {
                        break;
                    }
                    heapKeys[at] = heapKeys[child];
                    heapColumns[at] = heapColumns[child];
                    at = child;
                }
                heapKeys[at] = lastKey;
                heapColumns[at] = lastColumn;
                if (finalized[column] != generation && key == shortest[column]) {
                    return column;
                }
            }
            throw new IllegalStateException("no augmenting path among the candidate pairs");
        }
    }

    private static void requirePoints(String name, float[] xy) {
        if (xy == null || xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException(name + " must be a non-empty array of interleaved (x, y) pairs");
        }
    }

    private static void requireSameSize(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "both sets must have the same number of points, got " + a.length / 2 + " and " + b.length / 2);
        }
    }

    private static boolean hasNaN(float[] xy) {
        for (float value : xy) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasInfinite(float[] xy) {
        for (float value : xy) {
            if (Float.isInfinite(value)) {
                return true;
            }
        }
        return false;
    }
}
