package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The constant-width path y_t = t·y₁ + (1 − t)·y₀ + σ·ε with target y₁ − y₀ (docs/equations.md). */
class ConstantWidthPathTest {

    private static final int COUNT = 4_000;
    private static final double SIGMA = 0.1;

    @Test
    void theWidthAddsGaussianNoiseOfStdSigmaAroundTheStraightLineAndLeavesTheTargetAlone() {
        float[] xy = new float[2 * COUNT];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) (4 * random.nextDouble() - 2);
        }
        TrainingPairs.Draw line = new TrainingPairs(FlowMatchingConfig.EXERCISE, SourceSampler.STANDARD_NORMAL)
                .draw(xy, null, 17, 0, COUNT);
        TrainingPairs.Draw wide = new TrainingPairs(FlowMatchingConfig.EXERCISE.withPathSigma(SIGMA), SourceSampler.STANDARD_NORMAL)
                .draw(xy, null, 17, 0, COUNT);

        // the noise y₀ is drawn first from the same seed, so the targets y₁ − y₀ are the same
        assertThat(wide.target()).containsExactly(line.target());
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < COUNT; i++) {
            for (int c = 0; c < 2; c++) {
                double y0 = line.input()[3 * i + c] - line.input()[3 * i + 2] * line.target()[2 * i + c];
                double t = wide.input()[3 * i + 2];
                double epsilon = (wide.input()[3 * i + c] - y0 - t * wide.target()[2 * i + c]) / SIGMA;
                sum += epsilon;
                squares += epsilon * epsilon;
            }
        }
        double mean = sum / (2 * COUNT);
        assertThat(mean).isCloseTo(0, within(0.05));
        assertThat(Math.sqrt(squares / (2 * COUNT) - mean * mean)).isCloseTo(1, within(0.05));
    }
}
