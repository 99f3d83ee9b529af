package org.flowfield.flows;

import ai.djl.ndarray.NDArray;

/** PyTorch's own activation functions through DJL, the references autograd differentiates in the tests. */
public final class ReferenceActivation {

    private ReferenceActivation() {}

    public static NDArray of(Activation activation, NDArray h, double negativeSlope) {
        return switch (activation) {
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(h, (float) negativeSlope);
            case SELU -> ai.djl.nn.Activation.selu(h);
            case SILU -> ai.djl.nn.Activation.swish(h, 1f);
            case TANH -> ai.djl.nn.Activation.tanh(h);
        };
    }
}
