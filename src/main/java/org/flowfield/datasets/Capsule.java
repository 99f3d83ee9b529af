package org.flowfield.datasets;

/**
 * The points within {@code r} of the segment from (ax, ay) to (bx, by): the region one segment of a
 * stroke paints (a disc when the ends coincide). It is convex, so it meets every horizontal line
 * in one interval.
 */
final class Capsule {

    private final double ax;
    private final double ay;
    private final double bx;
    private final double by;
    private final double r;
    /** The rectangle between the end discs, corner by corner (x0, y0, ..., x3, y3); empty for a disc. */
    private final double[] corners;

    Capsule(double ax, double ay, double bx, double by, double r) {
        this.ax = ax;
        this.ay = ay;
        this.bx = bx;
        this.by = by;
        this.r = r;
        double length = Math.hypot(bx - ax, by - ay);
        if (length > 0) {
            double nx = -(by - ay) / length * r;
            double ny = (bx - ax) / length * r;
            corners = new double[] {ax + nx, ay + ny, bx + nx, by + ny, bx - nx, by - ny, ax - nx, ay - ny};
        } else {
            corners = new double[0];
        }
    }

    double r() {
        return r;
    }

    double minX() {
        return Math.min(ax, bx) - r;
    }

    double maxX() {
        return Math.max(ax, bx) + r;
    }

    double minY() {
        return Math.min(ay, by) - r;
    }

    double maxY() {
        return Math.max(ay, by) + r;
    }

    /** The squared distance from (x, y) to the segment. */
    double squaredDistance(double x, double y) {
        double dx = bx - ax;
        double dy = by - ay;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.clamp(((x - ax) * dx + (y - ay) * dy) / length2, 0, 1);
        double ex = x - (ax + t * dx);
        double ey = y - (ay + t * dy);
        return ex * ex + ey * ey;
    }

    boolean contains(double x, double y) {
        return squaredDistance(x, y) <= r * r;
    }

    /**
     * Where the line at height {@code y} crosses the capsule: writes {lo, hi} into {@code out} and
     * answers true, or answers false when it misses. The capsule is its two end discs and the
     * rectangle between them; the line meets each in an interval, and since their union is convex
     * the answer is the span of those intervals.
     */
    boolean across(double y, double[] out) {
        if (y < minY() || y > maxY()) {
            return false;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double ha = r * r - (y - ay) * (y - ay);
        if (ha >= 0) {
            double s = Math.sqrt(ha);
            lo = ax - s;
            hi = ax + s;
        }
        double hb = r * r - (y - by) * (y - by);
        if (hb >= 0) {
            double s = Math.sqrt(hb);
            lo = Math.min(lo, bx - s);
            hi = Math.max(hi, bx + s);
        }
        for (int i = 0; i < corners.length; i += 2) {
            double px = corners[i];
            double py = corners[i + 1];
            double qx = corners[(i + 2) % 8];
            double qy = corners[(i + 3) % 8];
            if (py == qy) {
                if (py == y) {
                    lo = Math.min(lo, Math.min(px, qx));
                    hi = Math.max(hi, Math.max(px, qx));
                }
            } else if ((py - y) * (qy - y) <= 0) {
                double x = px + (y - py) / (qy - py) * (qx - px);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            return false;
        }
        out[0] = lo;
        out[1] = hi;
        return true;
    }

    /**
     * The span in x of the capsule's part between heights {@code y0 < y1}, written into {@code out};
     * false when it has none. The leftmost x on a line is a convex function of the line's height,
     * smallest where the capsule is leftmost; within the band it is smallest there, or else on the
     * band's edge nearer to it (likewise for the rightmost x).
     */
    boolean spanBetween(double y0, double y1, double[] out) {
        if (y1 < minY() || y0 > maxY()) {
            return false;
        }
        double lo = ax == bx ? extreme(y0, y1, Math.min(ay, by), Math.max(ay, by), ax - r, true, out)
                : extreme(y0, y1, ax < bx ? ay : by, ax < bx ? ay : by, Math.min(ax, bx) - r, true, out);
        double hi = ax == bx ? extreme(y0, y1, Math.min(ay, by), Math.max(ay, by), ax + r, false, out)
                : extreme(y0, y1, ax > bx ? ay : by, ax > bx ? ay : by, Math.max(ax, bx) + r, false, out);
        out[0] = lo;
        out[1] = hi;
        return true;
    }

    /** The extreme x within the band, given the heights [lowY, highY] where the capsule reaches {@code atExtreme}. */
    private double extreme(double y0, double y1, double lowY, double highY, double atExtreme, boolean left, double[] scratch) {
        if (highY >= y0 && lowY <= y1) {
            return atExtreme;
        }
        if (!across(highY < y0 ? y0 : y1, scratch)) {
            // the band only grazes the capsule (rounding): the capsule's own extreme still bounds it
            return atExtreme;
        }
        return left ? scratch[0] : scratch[1];
    }
}
