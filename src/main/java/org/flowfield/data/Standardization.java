package org.flowfield.data;

/**
 * Per-axis standardisation p' = (p - mean) / std, as in docs/data.md step 2: the statistics are those
 * of the training sample, with the population standard deviation (ddof = 0).
 *
 * <p>The float-array methods take and return interleaved points {@code [x0, y0, x1, y1, ...]}.
 *
 * @param meanX mean of the x coordinates, original units
 * @param meanY mean of the y coordinates, original units
 * @param stdX  population standard deviation of x, original units, &gt; 0
 * @param stdY  population standard deviation of y, original units, &gt; 0
 */
public record Standardization(double meanX, double meanY, double stdX, double stdY) {

    public Standardization {
        requireFinite("meanX", meanX);
        requireFinite("meanY", meanY);
        requirePositive("stdX", stdX);
        requirePositive("stdY", stdY);
    }

    /** No standardisation: a model trained with it sees the data in its own coordinates. */
    public static final Standardization IDENTITY = new Standardization(0, 0, 1, 1);

    /** The statistics of a sample: per-axis mean and population std, accumulated in double. */
    public static Standardization of(float[] xy) {
        if (xy == null || xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("need a non-empty array of interleaved (x, y) pairs");
        }
        int n = xy.length / 2;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += xy[2 * i];
            sumY += xy[2 * i + 1];
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double squaresX = 0;
        double squaresY = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - meanX;
            double dy = xy[2 * i + 1] - meanY;
            squaresX += dx * dx;
            squaresY += dy * dy;
        }
        return new Standardization(meanX, meanY, Math.sqrt(squaresX / n), Math.sqrt(squaresY / n));
    }

    /** Original to standardised coordinates; returns a new interleaved array. */
    public float[] standardize(float[] xy) {
        float[] out = new float[xy.length];
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out[i] = (float) ((xy[i] - meanX) / stdX);
            out[i + 1] = (float) ((xy[i + 1] - meanY) / stdY);
        }
        return out;
    }

    /** Standardised to original coordinates; returns a new interleaved array. */
    public float[] toOriginal(float[] xy) {
        float[] out = new float[xy.length];
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out[i] = (float) (xy[i] * stdX + meanX);
            out[i + 1] = (float) (xy[i + 1] * stdY + meanY);
        }
        return out;
    }

    /** One point, original to standardised: {x', y'}. */
    public double[] standardize(double x, double y) {
        return new double[] {(x - meanX) / stdX, (y - meanY) / stdY};
    }

    /** One point, standardised to original: {x, y}. */
    public double[] toOriginal(double x, double y) {
        return new double[] {x * stdX + meanX, y * stdY + meanY};
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value
                + (value == 0 ? " (all points share that coordinate)" : ""));
        }
    }
}
