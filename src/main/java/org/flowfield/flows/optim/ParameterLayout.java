package org.flowfield.flows.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes of a model's weight tensors, in the order they are packed into one flat vector.
 *
 * @param shapes one long[] per tensor; the flat vector holds them back to back, row-major
 */
public record ParameterLayout(List<long[]> shapes) {

    public ParameterLayout {
        shapes = List.copyOf(shapes);
    }

    /** Number of scalars in the whole layout. */
    public int size() {
        long total = 0;
        for (long[] shape : shapes) {
            total += elements(shape);
        }
        return Math.toIntExact(total);
    }

    /** Offset of tensor {@code i} in the flat vector. */
    public int offset(int i) {
        long offset = 0;
        for (int k = 0; k < i; k++) {
            offset += elements(shapes.get(k));
        }
        return Math.toIntExact(offset);
    }

    public static long elements(long[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    /** Builds a layout tensor by tensor. */
    public static final class Builder {
        private final List<long[]> shapes = new ArrayList<>();

        /** Adds a tensor and returns its index. */
        public int add(long... shape) {
            shapes.add(shape.clone());
            return shapes.size() - 1;
        }

        public ParameterLayout build() {
            return new ParameterLayout(shapes);
        }
    }
}
