package org.flowfield.flows.nf;

/**
 * The inverse process of a normalizing flow for a set of points.
 *
 * @param states L + 1 arrays [N × 2]: x, then the point after undoing each coupling layer from
 *     h_L down to h_1; the last is z = φ⁻¹(x)
 * @param logLikelihood log p(x) per point (Eq. 2), in nats, computed in double precision; −∞ where
 *     the inverse leaves even that range (the density there is 0 to machine precision)
 */
public record InverseTrace(float[][] states, double[] logLikelihood) {}
