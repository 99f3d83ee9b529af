package org.flowfield.flows.fm;

import org.flowfield.data.DataSetKind;
import org.flowfield.data.Standardization;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.flows.StandardNormal;

/**
 * Draws the start points y₀ of flow matching from its {@link SourceDistribution}: N(0, I), or fresh
 * points of the source data set standardised with the statistics of its reference sample.
 *
 * @param distribution the source
 * @param stats the reference sample's statistics; null exactly for N(0, I)
 */
public record SourceSampler(SourceDistribution distribution, Standardization stats) {

    public static final SourceSampler STANDARD_NORMAL = new SourceSampler(SourceDistribution.STANDARD_NORMAL, null);

    public SourceSampler {
        if (distribution == null || distribution.standardNormal() != (stats == null)) {
            throw new IllegalArgumentException("a data-set source needs its reference statistics, N(0, I) none");
        }
    }

    /** {@code count} start points [count × 2] interleaved, reproducible from the seed. */
    public float[] draw(int count, long seed) {
        if (distribution.standardNormal()) {
            return StandardNormal.draw(count, seed);
        }
        return stats.standardize(distribution.dataSet().sample(DataSetKind.UNCONDITIONAL, count, seed).xy());
    }
}
