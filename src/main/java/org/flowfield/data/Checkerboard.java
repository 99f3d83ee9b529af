package org.flowfield.data;

/**
 * Checkerboard (docs/data.md): uniform over the eight squares of side 2 in [−4, 4)² whose indices
 * ⌊x/2⌋ + ⌊y/2⌋ are even, the "checkerboard" of Grathwohl et al. (2019). Total area 32; no classes.
 */
final class Checkerboard {

    static final double SIDE = 2;
    static final int SQUARES_PER_ROW = 4;
    static final double HALF_WIDTH = SIDE * SQUARES_PER_ROW / 2;
    /** Eight of the sixteen squares. */
    static final double AREA = SIDE * SIDE * SQUARES_PER_ROW * SQUARES_PER_ROW / 2;

    private Checkerboard() {}

    /**
     * Whether (x, y), original coordinates, lies on a kept square, edges included, or within
     * {@link RingDensities#SUPPORT_SLACK} of one (float rounding of stored points).
     */
    static boolean inSupport(double x, double y) {
        double slack = RingDensities.SUPPORT_SLACK;
        if (!(x >= -HALF_WIDTH - slack && x <= HALF_WIDTH + slack && y >= -HALF_WIDTH - slack && y <= HALF_WIDTH + slack)) {
            return false;
        }
        // Near a grid line a point touches two columns (or rows); it is inside if either square is kept.
        for (long column : new long[] {(long) Math.floor((x - slack) / SIDE), (long) Math.floor((x + slack) / SIDE)}) {
            for (long row : new long[] {(long) Math.floor((y - slack) / SIDE), (long) Math.floor((y + slack) / SIDE)}) {
                boolean onBoard = column >= -SQUARES_PER_ROW / 2 && column < SQUARES_PER_ROW / 2
                        && row >= -SQUARES_PER_ROW / 2 && row < SQUARES_PER_ROW / 2;
                if (onBoard && Math.floorMod(column + row, 2) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * x ~ U[−4, 4); y is drawn uniformly within one of the two kept squares of x's column, picked
     * with equal chance, which makes the point uniform on the kept squares.
     */
    static PointCloud sample(int n, long seed) {
        return Stratified.sample(n, seed, 1, false, (part, random, out) -> {
            double x = random.nextDouble(-HALF_WIDTH, HALF_WIDTH);
            long column = (long) Math.floor(x / SIDE);
            int row = 2 * random.nextInt(2) + (int) Math.floorMod(column, 2);
            out[0] = x;
            out[1] = -HALF_WIDTH + SIDE * row + random.nextDouble(0, SIDE);
        });
    }
}
