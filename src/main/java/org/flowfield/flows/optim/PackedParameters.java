package org.flowfield.flows.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Every weight of a model in one flat native vector, with a view per tensor.
 *
 * <p>The views share the vector's storage, so an in-place optimizer step on the flat vector is
 * one native call per operation instead of one per tensor, and the networks read the updated
 * weights through their views without copying.
 */
public final class PackedParameters implements AutoCloseable {

    private final ParameterLayout layout;
    private final NDManager manager;
    private final NDArray flat;
    private final List<NDArray> views;

    /**
     * @param manager owner of the vector and its views (closed with this object)
     * @param initial values in layout order, length {@code layout.size()}
     */
    public PackedParameters(NDManager manager, ParameterLayout layout, float[] initial) {
        if (initial.length != layout.size()) {
            throw new IllegalArgumentException(
                    "expected " + layout.size() + " parameter values, got " + initial.length);
        }
        this.layout = layout;
        this.manager = manager;
        this.flat = manager.create(initial);
        this.views = new ArrayList<>();
        for (int i = 0; i < layout.shapes().size(); i++) {
            long[] shape = layout.shapes().get(i);
            long start = layout.offset(i);
            long end = start + ParameterLayout.elements(shape);
            views.add(flat.get(new NDIndex("{}:{}", start, end)).reshape(new Shape(shape)));
        }
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The flat vector [P]; in-place updates are seen by every view. */
    public NDArray flat() {
        return flat;
    }

    /** The view of tensor {@code i}, shaped as the layout says. */
    public NDArray view(int i) {
        return views.get(i);
    }

    public NDManager manager() {
        return manager;
    }

    public float[] toArray() {
        return flat.toFloatArray();
    }

    /** Overwrites every weight in place (views stay valid). */
    public void load(float[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(
                    "expected " + layout.size() + " parameter values, got " + values.length);
        }
        overwrite(flat, values);
    }

    /**
     * Copies values into an existing array in place. (NDArray.set(Buffer) gives the array new
     * storage, which would leave every view reading the old values.)
     */
    private static void overwrite(NDArray target, float[] values) {
        try (NDManager scratch = target.getManager().newSubManager()) {
            target.set(new NDIndex(":"), scratch.create(values));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
