package org.flowfield.training;

/** How the learning rate changes over the epochs. */
public enum LearningRateSchedule {
    /** Cosine annealing from the base rate to 0 over the epochs, stepped once per epoch (PyTorch's CosineAnnealingLR). */
    COSINE,
    /** The base rate throughout. */
    CONSTANT;

    /** The rate used during epoch {@code epoch} (0-based) of {@code epochs}. */
    public double rate(double base, int epoch, int epochs) {
        return switch (this) {
            case COSINE -> base * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
            case CONSTANT -> base;
        };
    }
}
