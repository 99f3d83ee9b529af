package org.flowfield.flows.optim;

/**
 * What a run's optimizer does besides Adam's step: decoupled weight decay (AdamW) and clipping
 * of the gradient's global norm. Both off is Adam exactly.
 *
 * @param weightDecay λ of AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization",
 *     ICLR 2019, Algorithm 2), in PyTorch's convention (torch.optim.AdamW's weight_decay): before
 *     each Adam step θ ← θ − η·λ·θ with η the step's learning rate, which is the paper's decay
 *     η_t·λ with its schedule multiplier η_t written as the learning rate; 0 is plain Adam
 * @param maxGradientNorm c of global-norm clipping: a gradient g whose Euclidean norm over all of
 *     a run's parameters exceeds c is scaled by c / (‖g‖ + 10⁻⁶) before the step (PyTorch's
 *     clip_grad_norm_); 0 never clips
 */
public record OptimizerSettings(double weightDecay, double maxGradientNorm) {

    /** Plain Adam: no weight decay, no clipping. */
    public static final OptimizerSettings ADAM = new OptimizerSettings(0, 0);

    /** The largest weight decay accepted (with a learning rate below 1, θ keeps its sign). */
    public static final double MAX_WEIGHT_DECAY = 1;

    /** Added to the norm before dividing, as PyTorch does. */
    static final double CLIP_EPSILON = 1e-6;

    public OptimizerSettings {
        if (!(weightDecay >= 0 && weightDecay <= MAX_WEIGHT_DECAY)) {
            throw new IllegalArgumentException("weight decay must be in [0, " + MAX_WEIGHT_DECAY + "], got " + weightDecay);
        }
        if (!(maxGradientNorm >= 0 && Double.isFinite(maxGradientNorm))) {
            throw new IllegalArgumentException(
                    "the gradient-norm limit must be 0 (no clipping) or a positive number, got " + maxGradientNorm);
        }
    }

    public boolean decays() {
        return weightDecay > 0;
    }

    public boolean clips() {
        return maxGradientNorm > 0;
    }
}
