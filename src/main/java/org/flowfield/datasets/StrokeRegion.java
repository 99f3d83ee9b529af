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

    private final List<Capsule> capsules;
    private final double left;
    private final double bottom;
    private final double cell;
    private final int columns;
    private final int rows;
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
        cell = Math.max(Math.max(right - left, top - bottom) / MAX_CELLS_PER_SIDE, smallestRadius / 2);
        columns = Math.max(1, (int) Math.ceil((right - left) / cell));
        rows = Math.max(1, (int) Math.ceil((top - bottom) / cell));
        capsulesInCell = index();
        List<Integer> reached = new ArrayList<>();
        for (int c = 0; c < capsulesInCell.length; c++) {
            if (capsulesInCell[c].length > 0) {
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

    /** For each cell, the capsules within half a cell's diagonal of its centre, plus their radius. */
    private int[][] index() {
        List<List<Integer>> cells = new ArrayList<>(columns * rows);
        for (int c = 0; c < columns * rows; c++) {
            cells.add(new ArrayList<>(2));
        }
        double halfDiagonal = cell * Math.sqrt(0.5);
        for (int k = 0; k < capsules.size(); k++) {
            Capsule capsule = capsules.get(k);
            double reach = capsule.r() + halfDiagonal;
            int fromColumn = column(capsule.minX());
            int toColumn = column(capsule.maxX());
            int fromRow = row(capsule.minY());
            int toRow = row(capsule.maxY());
            for (int row = fromRow; row <= toRow; row++) {
                for (int column = fromColumn; column <= toColumn; column++) {
                    double cx = left + (column + 0.5) * cell;
                    double cy = bottom + (row + 0.5) * cell;
                    if (capsule.squaredDistance(cx, cy) <= reach * reach) {
                        cells.get(row * columns + column).add(k);
                    }
                }
            }
        }
        int[][] result = new int[cells.size()][];
        for (int c = 0; c < result.length; c++) {
            result[c] = cells.get(c).stream().mapToInt(Integer::intValue).toArray();
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
        for (int k : capsulesInCell[row(y) * columns + column(x)]) {
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
