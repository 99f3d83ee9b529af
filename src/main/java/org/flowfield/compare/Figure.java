package org.flowfield.compare;

/** The figures a comparison sets side by side, with the direction that is better. */
public enum Figure {
    /** docs/figures.md, stored with the run: mean −log p(x) (−log p(x | c) for class-conditional runs) of 10,000 held-out points. */
    HELD_OUT_NLL("Held-out NLL (nats)", false),
    /** docs/figures.md, stored with the run: share of 10,000 samples inside a ring annulus. */
    IN_RING_FRACTION("In-ring fraction", true),
    /** docs/figures.md, stored with the run: sliced Wasserstein-2 distance of the samples to the held-out points. */
    SLICED_W2("Sliced W2 (standardised units)", false),
    /** docs/figures.md: the data's differential entropy H (H(X | C) for class-conditional runs); no direction is better. */
    DATA_ENTROPY("Data entropy H (nats)", false),
    /** docs/figures.md: held-out NLL − H, the KL divergence from the data to the model. */
    KL_GAP("NLL − H, KL from data to model (nats)", false),
    /** docs/figures.md: share of 10,000 samples where the data's density is zero. */
    OUTSIDE_SUPPORT("Samples outside the support", false),
    /** docs/figures.md: exact 2-Wasserstein distance between 10,000 samples and the held-out points. */
    EXACT_W2("Exact W2 (standardised units)", false),
    /** docs/figures.md: |E ∫|v|² dt − W2²| / W2² of a flow-matching model (Tong et al. 2024). */
    PATH_ENERGY("Normalized path energy", false),
    /** Wall time of the training loop, from the run's final checkpoint. */
    TRAINING_SECONDS("Training time (s)", false),
    /** Optimizer steps per second, from the run's last stored loss point. */
    STEPS_PER_SECOND("Steps per second", true);

    private final String title;
    private final boolean higherIsBetter;

    Figure(String title, boolean higherIsBetter) {
        this.title = title;
        this.higherIsBetter = higherIsBetter;
    }

    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
