package org.flowfield.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The area of a union of capsules, between two exact bounds. The union's bounding box is cut into
 * horizontal strips of height h. In each strip the union's area is
 * <ul>
 * <li>at most h times the length of the union of the capsules' x-spans within the strip;</li>
 * <li>at least h times the length of the x where a vertical line crosses the whole strip inside
 *     one capsule: since a capsule is convex, those x are where both the strip's bottom and top
 *     lines cross it;</li>
 * <li>close to h times the length the strip's middle line crosses (the midpoint rule), which is
 *     the estimate.</li>
 * </ul>
 * Every length is that of a union of intervals, computed exactly. The strips are halved until the
 * bounds are within a relative {@link #TOLERANCE} of each other (the gap shrinks as the strips'
 * height, so a first coarse pass tells how many strips that takes), or {@link #MAX_STRIPS} are used.
 */
final class UnionArea {

    /** Wanted (upper − lower) / lower: log(area) is then known to within about 0.001 nats. */
    static final double TOLERANCE = 1e-3;

    static final int MAX_STRIPS = 1 << 17;

    private static final int FIRST_STRIPS = 1 << 10;

    private UnionArea() {}

    static AreaBounds of(List<Capsule> capsules) {
        if (capsules.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one capsule");
        }
        List<Capsule> byBottom = new ArrayList<>(capsules);
        byBottom.sort(Comparator.comparingDouble(Capsule::minY));
        AreaBounds first = withStrips(byBottom, FIRST_STRIPS);
        // the bounds' gap shrinks as the strips' height: aim straight for the strips the tolerance needs
        double needed = FIRST_STRIPS * (first.upper() - first.lower()) / (TOLERANCE * first.lower());
        if (needed <= FIRST_STRIPS) {
            return first;
        }
        int strips = Math.min(MAX_STRIPS, Integer.highestOneBit((int) Math.min(MAX_STRIPS, Math.ceil(needed))) * 2);
        AreaBounds fine = withStrips(byBottom, strips);
        return fine.upper() - fine.lower() <= TOLERANCE * fine.lower() || strips == MAX_STRIPS ? fine : withStrips(byBottom, Math.min(MAX_STRIPS, 2 * strips));
    }

    static AreaBounds withStrips(List<Capsule> byBottom, int strips) {
        double bottom = byBottom.stream().mapToDouble(Capsule::minY).min().orElseThrow();
        double top = byBottom.stream().mapToDouble(Capsule::maxY).max().orElseThrow();
        double h = (top - bottom) / strips;
        List<Capsule> active = new ArrayList<>();
        int next = 0;
        double lower = 0;
        double estimate = 0;
        double upper = 0;
        Intervals inner = new Intervals();
        Intervals middle = new Intervals();
        Intervals outer = new Intervals();
        double[] span = new double[2];
        double[] atBottom = new double[2];
        double[] atTop = new double[2];
        for (int s = 0; s < strips; s++) {
            double y0 = bottom + s * h;
            double y1 = s == strips - 1 ? top : bottom + (s + 1) * h;
            while (next < byBottom.size() && byBottom.get(next).minY() <= y1) {
                active.add(byBottom.get(next++));
            }
            active.removeIf(capsule -> capsule.maxY() < y0);
            inner.clear();
            middle.clear();
            outer.clear();
            double mid = (y0 + y1) / 2;
            for (Capsule capsule : active) {
                if (!capsule.spanBetween(y0, y1, span)) {
                    continue;
                }
                outer.add(span[0], span[1]);
                if (capsule.across(mid, span)) {
                    middle.add(span[0], span[1]);
                }
                if (capsule.across(y0, atBottom) && capsule.across(y1, atTop)) {
                    inner.add(Math.max(atBottom[0], atTop[0]), Math.min(atBottom[1], atTop[1]));
                }
            }
            double height = y1 - y0;
            lower += height * inner.unionLength();
            estimate += height * middle.unionLength();
            upper += height * outer.unionLength();
        }
        // the midpoint rule's value lies between the bounds in exact arithmetic; rounding may not
        return new AreaBounds(lower, Math.clamp(estimate, lower, upper), upper, strips);
    }

    /** Intervals on a line, and the length of their union. */
    static final class Intervals {

        private double[] lows = new double[16];
        private double[] highs = new double[16];
        private int size;

        void clear() {
            size = 0;
        }

        /** Adds [lo, hi]; an empty one (hi < lo) is left out. */
        void add(double lo, double hi) {
            if (hi < lo) {
                return;
            }
            if (size == lows.length) {
                lows = Arrays.copyOf(lows, 2 * size);
                highs = Arrays.copyOf(highs, 2 * size);
            }
            lows[size] = lo;
            highs[size] = hi;
            size++;
        }

        /**
         * The length covered by at least one interval. At x, #(lo ≤ x) − #(hi < x) intervals
         * cover x, so the starts and the ends can be sorted apart and swept together.
         */
        double unionLength() {
            Arrays.sort(lows, 0, size);
            Arrays.sort(highs, 0, size);
            double length = 0;
            int covering = 0;
            int i = 0;
            int j = 0;
            double from = 0;
            while (i < size) {
                if (lows[i] <= highs[j]) {
                    if (covering++ == 0) {
                        from = lows[i];
                    }
                    i++;
                } else {
                    if (--covering == 0) {
                        length += highs[j] - from;
                    }
                    j++;
                }
            }
            // every start is taken: the coverage ends at the last end
            return size == 0 ? 0 : length + highs[size - 1] - from;
        }
    }
}
