package org.flowfield.flows;

import ai.djl.ndarray.NDArray;
import org.flowfield.engine.Tensors;

/**
 * The nonlinearity between two linear layers of a network, with its derivative for the
 * hand-written backward passes. The negative slope is read by LeakyReLU only.
 */
public enum Activation {

    /** max(h, 0) + α·min(h, 0), the exercise's choice. */
    LEAKY_RELU("LeakyReLU"),
    /** λ·h for h &gt; 0, λ·a·(eʰ − 1) otherwise (Klambauer et al. 2017). */
    SELU("SELU"),
    /** h·σ(h), also called swish (Elfwing et al. 2018). */
    SILU("SiLU"),
    TANH("tanh");

    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private final String title;

    Activation(String title) {
        this.title = title;
    }

    /** The name practitioners write, e.g. "LeakyReLU". */
    public String title() {
        return title;
    }

    /**
     * Whether σ(h) = σ′(h)·h for every h (LeakyReLU, with {@link #derivative}'s σ′(0) = 0), so that
     * one product by the derivative gives the activation and the tangents through it at once.
     */
    public boolean isSlopeTimesInput() {
        return this == LEAKY_RELU;
    }

    /** The activation of a pre-activation h; the result belongs to h's manager. */
    public NDArray apply(NDArray h, double negativeSlope) {
        return switch (this) {
            case LEAKY_RELU -> Tensors.leakyRelu(h, negativeSlope);
            case SELU -> {
                NDArray negative = h.minimum(0).exp().subi(1).muli(SELU_SCALE * SELU_ALPHA);
                yield h.maximum(0).muli(SELU_SCALE).addi(negative);
            }
            case SILU -> h.mul(sigmoid(h));
            case TANH -> h.tanh();
        };
    }

    /**
     * The derivative at a pre-activation h. LeakyReLU′ is LeakyReLU with the negated slope of
     * sign(h) (1, α, or 0 at exactly 0); SELU′ is λ for h &gt; 0 and λ·a·eʰ otherwise.
     */
    public NDArray derivative(NDArray h, double negativeSlope) {
        return switch (this) {
            case LEAKY_RELU -> {
                NDArray sign = h.sign();
                NDArray slope = Tensors.leakyRelu(sign, -negativeSlope);
                sign.close();
                yield slope;
            }
            case SELU -> {
                NDArray positive = h.gt(0).toType(h.getDataType(), false);
                NDArray negative = h.minimum(0).exp().muli(SELU_SCALE * SELU_ALPHA).muli(positive.neg().addi(1));
                yield positive.muli(SELU_SCALE).addi(negative);
            }
            case SILU -> {
                NDArray s = sigmoid(h);
                // σ(h)·(1 + h·(1 − σ(h)))
                yield s.neg().addi(1).muli(h).addi(1).muli(s);
            }
            case TANH -> {
                NDArray a = h.tanh();
                NDArray derivative = derivativeAtOutput(a, negativeSlope);
                a.close();
                yield derivative;
            }
        };
    }

    /**
     * Whether σ′(h) can be read off the activation a = σ(h) ({@link #derivativeAtOutput}), so that a
     * backward pass needs only the activations it keeps anyway: LeakyReLU and tanh.
     */
    public boolean derivativeFollowsFromOutput() {
        return this == LEAKY_RELU || this == TANH;
    }

    /**
     * The derivative σ′(h) from the activation a = σ(h). LeakyReLU keeps the sign of h (a negative h
     * so small that α·h rounds to 0, below 10⁻⁴³ for α = 0.01, reads as h = 0); tanh′ = 1 − a². The
     * values are those of {@link #derivative} at h, bit for bit.
     *
     * @throws UnsupportedOperationException for SELU and SiLU, whose derivatives need h
     */
    public NDArray derivativeAtOutput(NDArray a, double negativeSlope) {
        return switch (this) {
            case LEAKY_RELU -> derivative(a, negativeSlope);
            case TANH -> {
                NDArray square = a.square();
                NDArray derivative = square.neg().addi(1);
                square.close();
                yield derivative;
            }
            case SELU, SILU -> throw new UnsupportedOperationException(title + "′ needs the pre-activation, not the activation");
        };
    }

    private static NDArray sigmoid(NDArray h) {
        return ai.djl.nn.Activation.sigmoid(h);
    }
}
