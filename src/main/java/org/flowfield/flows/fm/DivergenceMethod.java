package org.flowfield.flows.fm;

/** How the divergence ∇·v in the instantaneous change of variables is computed. */
public enum DivergenceMethod {
    /** The trace of the 2×2 Jacobian, exactly (the default for every reported figure). */
    EXACT,
    /** Hutchinson's estimator E[εᵀ(∂v/∂y)ε] with Rademacher probes, fixed over one integration. */
    HUTCHINSON
}
