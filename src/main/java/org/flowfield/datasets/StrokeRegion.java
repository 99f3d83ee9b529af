package org.flowfield.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a drawing's strokes cover: the union of the capsules around their segments. Answers
 * whether a point is covered, samples points uniformly from the union, and bounds its area.
 *
 * <p>A grid over the union's bounding box lists, for each cell, the capsules that may reach
 * into it. Uniform sampling picks one of the cells that any capsule reaches, uniformly (they are
 * all the same size), then a uniform point in it, and keeps the point when the union covers it:
 * a kept point is uniform on the union.
 */
public final class StrokeRegion {

    /** The grid has at most this many cells along each side. */
    private static final int MAX_CELLS_PER_SIDE = 256;

    /**
     * About how many (capsule, cell) pairs indexing may look at: wide strokes of many points would
     * otherwise each reach thousands of small cells. Coarser cells hold more capsules each, but a
     * cell that one capsule covers whole needs none.
     */
    private static final double MAX_CELL_VISITS = 4e6;

    private final List<Capsule> capsules;
    private final double left;
    private final double bottom;
    private final double cell;
    private final int columns;
    private final int rows;
    /** Per cell, the capsules that may reach into it; null for a cell one capsule covers whole. */
    private final int[][] capsulesInCell;
    private final int[] reachedCells;
    private volatile AreaBounds area;

    public StrokeRegion(List<Stroke> strokes) {
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one stroke");
        }
        capsules = capsulesOf(strokes);
        left = capsules.stream().mapToDouble(Capsule::minX).min().orElseThrow();
        bottom = capsules.stream().mapToDouble(Capsule::minY).min().orElseThrow();
        double right = capsules.stream().mapToDouble(Capsule::maxX).max().orElseThrow();
        double top = capsules.stream().mapToDouble(Capsule::maxY).max().orElseThrow();
        double smallestRadius = capsules.stream().mapToDouble(Capsule::r).min().orElseThrow();
        double boxes = capsules.stream().mapToDouble(c -> (c.maxX() - c.minX()) * (c.maxY() - c.minY())).sum();
        cell = Math.max(Math.max(Math.max(right - left, top - bottom) / MAX_CELLS_PER_SIDE, smallestRadius / 2),
                Math.sqrt(boxes / MAX_CELL_VISITS));
        columns = Math.max(1, (int) Math.ceil((right - left) / cell));
        rows = Math.max(1, (int) Math.ceil((top - bottom) / cell));
        capsulesInCell = index();
        List<Integer> reached = new ArrayList<>();
        for (int c = 0; c < capsulesInCell.length; c++) {
            if (capsulesInCell[c] == null || capsulesInCell[c].length > 0) {
                reached.add(c);
            }
        }
        reachedCells = reached.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Capsule> capsulesOf(List<Stroke> strokes) {
        List<Capsule> result = new ArrayList<>();
        for (Stroke stroke : strokes) {
            double r = stroke.width() / 2;
            if (stroke.points() == 1) {
                result.add(new Capsule(stroke.x(0), stroke.y(0), stroke.x(0), stroke.y(0), r));
            }
            for (int i = 1; i < stroke.points(); i++) {
                result.add(new Capsule(stroke.x(i - 1), stroke.y(i - 1), stroke.x(i), stroke.y(i), r));
            }
        }
        return List.copyOf(result);
    }

    /** For each cell, the capsules within half a cell's diagonal of its centre, plus their radius; null when one covers it whole. */
    private int[][] index() {
        int cells = columns * rows;
        int[][] lists = new int[cells][];
        int[] sizes = new int[cells];
        boolean[] full = new boolean[cells];
        double halfDiagonal = cell * Math.sqrt(0.5);
        for (int k = 0; k < capsules.size(); k++) {
            Capsule capsule = capsules.get(k);
            double reach = capsule.r() + halfDiagonal;
            for (int row = row(capsule.minY()); row <= row(capsule.maxY()); row++) {
                for (int column = column(capsule.minX()); column <= column(capsule.maxX()); column++) {
                    int c = row * columns + column;
                    double x0 = left + column * cell;
                    double y0 = bottom + row * cell;
                    if (full[c] || capsule.squaredDistance(x0 + cell / 2, y0 + cell / 2) > reach * reach) {
                        continue;
                    }
                    // a capsule is convex: holding the four corners, it holds the cell
                    if (capsule.contains(x0, y0) && capsule.contains(x0 + cell, y0) && capsule.contains(x0, y0 + cell)
                            && capsule.contains(x0 + cell, y0 + cell)) {
                        full[c] = true;
                        lists[c] = null;
                        continue;
                    }
                    if (lists[c] == null) {
                        lists[c] = new int[4];
                    } else if (sizes[c] == lists[c].length) {
                        lists[c] = java.util.Arrays.copyOf(lists[c], 2 * sizes[c]);
                    }
                    lists[c][sizes[c]++] = k;
                }
            }
        }
        int[][] result = new int[cells][];
        for (int c = 0; c < cells; c++) {
            result[c] = full[c] ? null : lists[c] == null ? new int[0] : java.util.Arrays.copyOf(lists[c], sizes[c]);
        }
        return result;
    }

    private int column(double x) {
        return Math.clamp((int) Math.floor((x - left) / cell), 0, columns - 1);
    }

    private int row(double y) {
        return Math.clamp((int) Math.floor((y - bottom) / cell), 0, rows - 1);
    }

    /** Whether a stroke covers (x, y). */
    public boolean contains(double x, double y) {
        if (!(x >= left && x <= left + columns * cell && y >= bottom && y <= bottom + rows * cell)) {
            return false;
        }
        int[] reaching = capsulesInCell[row(y) * columns + column(x)];
        if (reaching == null) {
            return true;
        }
        for (int k : reaching) {
            if (capsules.get(k).contains(x, y)) {
                return true;
            }
        }
        return false;
    }

    /** The area the strokes cover, between exact bounds ({@link UnionArea}); computed once. */
    public AreaBounds area() {
        AreaBounds known = area;
        if (known == null) {
            known = UnionArea.of(capsules);
            area = known;
        }
        return known;
    }

    /** {@code count} points uniform on the covered region, interleaved; the same seed gives the same points. */
    public float[] sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xy = new float[2 * count];
        int n = 0;
        while (n < count) {
            int c = reachedCells[random.nextInt(reachedCells.length)];
            double x = left + (c % columns + random.nextDouble()) * cell;
            double y = bottom + (c / columns + random.nextDouble()) * cell;
            float fx = (float) x;
            float fy = (float) y;
            // the stored point is the float one: keep it only when it, too, is covered
            if (contains(fx, fy)) {
                xy[2 * n] = fx;
                xy[2 * n + 1] = fy;
                n++;
            }
        }
        return xy;
    }
}
