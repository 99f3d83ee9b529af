package org.flowfield.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The handful of PyTorch operations the flows are written with, called straight through DJL's
 * PyTorch binding.
 *
 * <p>Each call is one native operation. The result belongs to the NDManager of the first
 * operand (DJL's rule), so callers pass a step-owned array first and never a parameter; this keeps
 * native memory flat when every step runs in its own sub-manager.
 */
public final class Tensors {

    private Tensors() {}

    /** {@code input · weightᵀ + bias}; input [N, in], weight [out, in], bias [out] or null. */
    public static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
        return JniUtils.linear(pt(input), pt(weight), bias == null ? null : pt(bias));
    }

    /** The matrix product with PyTorch's broadcasting: [.., N, in] · [.., in, out]; batched when both carry batch axes. */
    public static NDArray matmul(NDArray left, NDArray right) {
        return JniUtils.matmul(pt(left), pt(right));
    }

    public static NDArray leakyRelu(NDArray x, double negativeSlope) {
        return JniUtils.leakyRelu(pt(x), negativeSlope);
    }

    /** Elementwise {@code condition ? ifTrue : ifFalse}; the result belongs to ifTrue's manager. */
    public static NDArray where(NDArray condition, NDArray ifTrue, NDArray ifFalse) {
        return JniUtils.where(pt(condition), pt(ifTrue), pt(ifFalse));
    }

    /** Splits along {@code axis} into pieces of {@code size}. */
    public static NDList split(NDArray x, long size, int axis) {
        return JniUtils.split(pt(x), size, axis);
    }

    public static NDArray stack(NDArray[] arrays, int axis) {
        return JniUtils.stack(pts(arrays), axis);
    }

    public static NDArray concat(NDArray[] arrays, int axis) {
        return JniUtils.cat(pts(arrays), axis);
    }

    public static NDArray swapAxes(NDArray x, int axis1, int axis2) {
        return JniUtils.transpose(pt(x), axis1, axis2);
    }

    public static NDArray reshape(NDArray x, long... shape) {
        return JniUtils.reshape(pt(x), shape);
    }

    public static NDArray sum(NDArray x, int axis) {
        return JniUtils.sum(pt(x), new long[] {axis}, false);
    }

    /** Sums over several axes at once, dropping them. */
    public static NDArray sum(NDArray x, int... axes) {
        long[] dims = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            dims[i] = axes[i];
        }
        return JniUtils.sum(pt(x), dims, false);
    }

    public static NDArray slice(NDArray x, int axis, long start, long stop) {
        return JniUtils.slice(pt(x), axis, start, stop, 1);
    }

    /** The values of row {@code row} of a matrix [R, C], read without leaving an array behind. */
    public static float[] rowValues(NDArray matrix, int row) {
        try (NDManager scratch = matrix.getManager().newSubManager()) {
            NDArray view = slice(matrix, 0, row, row + 1);
            view.attach(scratch);
            return view.toFloatArray();
        }
    }

    /**
     * A view of {@code x} owned by {@code scope}, so that operations started from it leave their
     * results in {@code scope} while in-place updates of {@code x} stay where x lives.
     */
    public static NDArray borrow(NDArray x, NDManager scope) {
        NDArray view = JniUtils.reshape(pt(x), x.getShape().getShape());
        view.attach(scope);
        return view;
    }

    private static PtNDArray pt(NDArray array) {
        return (PtNDArray) array;
    }

    private static PtNDArray[] pts(NDArray[] arrays) {
        PtNDArray[] result = new PtNDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            result[i] = (PtNDArray) arrays[i];
        }
        return result;
    }
}
