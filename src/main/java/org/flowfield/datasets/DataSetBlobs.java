package org.flowfield.datasets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * How a data set is stored: points as little-endian float32 pairs, labels one byte each, and a
 * drawing's strokes as [count: int32] then per stroke [width: float64][points: int32][x, y: float64 ...].
 */
final class DataSetBlobs {

    private DataSetBlobs() {}

    static byte[] points(float[] xy) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * xy.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(xy);
        return buffer.array();
    }

    static float[] points(byte[] blob) {
        float[] xy = new float[blob.length / 4];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xy);
        return xy;
    }

    static byte[] labels(int[] labels) {
        byte[] blob = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            blob[i] = (byte) labels[i];
        }
        return blob;
    }

    static int[] labels(byte[] blob) {
        int[] labels = new int[blob.length];
        for (int i = 0; i < blob.length; i++) {
            labels[i] = blob[i];
        }
        return labels;
    }

    static byte[] strokes(List<Stroke> strokes) {
        int size = 4 + strokes.stream().mapToInt(stroke -> 12 + 16 * stroke.points()).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(strokes.size());
        for (Stroke stroke : strokes) {
            buffer.putDouble(stroke.width());
            buffer.putInt(stroke.points());
            for (double value : stroke.xy()) {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    static List<Stroke> strokes(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int count = buffer.getInt();
        List<Stroke> strokes = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double width = buffer.getDouble();
            double[] xy = new double[2 * buffer.getInt()];
            buffer.asDoubleBuffer().get(xy);
            buffer.position(buffer.position() + 8 * xy.length);
            strokes.add(new Stroke(width, xy));
        }
        return strokes;
    }
}
