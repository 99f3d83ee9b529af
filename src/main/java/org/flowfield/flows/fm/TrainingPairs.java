package org.flowfield.flows.fm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How one flow-matching model draws its training pairs on the CPU: for data points y₁ and noise
 * y₀ ~ N(0, I), both drawn from the batch's seed (noise first, then t ~ U[0, 1]); with a data set as
 * source, y₀ are that set's points drawn from the first number of the batch's random stream,
 *
 * <pre>
 * y_t = t·y₁ + (1 − (1 − σ_min)·t)·y₀,   u_t = y₁ − (1 − σ_min)·y₀
 * </pre>
 *
 * which for σ_min = 0 are Eq. 14 and Eq. 15/16 of the exercise (for σ_min &gt; 0, Lipman et al. 2023,
 * Eqs. 20–23; docs/equations.md). With a constant path width σ &gt; 0 instead,
 * y_t = t·y₁ + (1 − t)·y₀ + σ·ε with ε ~ N(0, I) drawn after t, and u_t = y₁ − y₀ (the independent-coupling
 * path of Tong et al., "Improving and generalizing flow-based generative models with minibatch optimal
 * transport", TMLR 2024; docs/equations.md). With minibatch optimal transport the batch's noise and data are
 * first paired by an exact assignment (Tong et al. 2024, minibatch OT; docs/equations.md); for a
 * class-conditional model that pairs within classes, by one assignment per class of the batch.
 */
final class TrainingPairs {

    private final double sigmaMin;
    private final MinibatchOptimalTransport transport;
    private final SourceSampler source;
    private final boolean withinClasses;
    private final double pathSigma;

    TrainingPairs(FlowMatchingConfig config, SourceSampler source) {
        this.source = source;
        this.sigmaMin = config.sigmaMin();
        this.transport = config.minibatchOptimalTransport() ? new MinibatchOptimalTransport() : null;
        this.withinClasses = config.pairsWithinClasses();
        this.pathSigma = config.pathSigma();
    }

    /**
     * One draw of training pairs.
     *
     * @param input [count, 3] rows (y_t, t)
     * @param target [count, 2] rows u_t
     * @param labels the class of each row (paired like the data), or null
     */
    record Draw(float[] input, float[] target, int[] labels) {

        int size() {
            return target.length / 2;
        }
    }

    /** Draws (y_t, t) and u_t for points [from, from + count) of xy. */
    Draw draw(float[] xy, int[] labels, long seed, int from, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise;
        if (source.distribution().standardNormal()) {
            noise = new float[2 * count];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) random.nextGaussian();
            }
        } else {
            noise = source.draw(count, random.nextLong());
        }
        float[] data = Arrays.copyOfRange(xy, 2 * from, 2 * (from + count));
        int[] classes = labels == null ? null : Arrays.copyOfRange(labels, from, from + count);
        if (transport != null) {
            int[] pairing = withinClasses && classes != null ? pairWithinClasses(noise, data, classes) : transport.assign(noise, data, count);
            float[] paired = new float[2 * count];
            int[] pairedClasses = classes == null ? null : new int[count];
            for (int i = 0; i < count; i++) {
                paired[2 * i] = data[2 * pairing[i]];
                paired[2 * i + 1] = data[2 * pairing[i] + 1];
                if (classes != null) {
                    pairedClasses[i] = classes[pairing[i]];
                }
            }
            data = paired;
            classes = pairedClasses;
        }
        double noiseScale = 1 - sigmaMin;
        float[] input = new float[3 * count];
        float[] target = new float[2 * count];
        for (int i = 0; i < count; i++) {
            double t = random.nextDouble();
            for (int c = 0; c < 2; c++) {
                double y1 = data[2 * i + c];
                double y0 = noise[2 * i + c];
                double mean = t * y1 + (1 - noiseScale * t) * y0;
                // a constant width σ > 0 comes with σ_min = 0, so its mean path is the same straight line
                input[3 * i + c] = (float) (pathSigma > 0 ? mean + pathSigma * random.nextGaussian() : mean);
                target[2 * i + c] = (float) (y1 - noiseScale * y0);
            }
            input[3 * i + 2] = (float) t;
        }
        return new Draw(input, target, classes);
    }

    /**
     * An optimal assignment among each class's rows of the batch: the noise drawn for a row of
     * class c goes to one of the batch's points of class c, so every pair keeps its row's class.
     *
     * @return pairing[i], the data row noise row i is paired with (of the same class as row i)
     */
    private int[] pairWithinClasses(float[] noise, float[] data, int[] classes) {
        int count = classes.length;
        int[] pairing = new int[count];
        int[] rows = new int[count];
        float[] classNoise = new float[2 * count];
        float[] classData = new float[2 * count];
        boolean[] done = new boolean[count];
        for (int first = 0; first < count; first++) {
            if (done[first]) {
                continue;
            }
            int n = 0;
            for (int i = first; i < count; i++) {
                if (!done[i] && classes[i] == classes[first]) {
                    done[i] = true;
                    rows[n] = i;
                    classNoise[2 * n] = noise[2 * i];
                    classNoise[2 * n + 1] = noise[2 * i + 1];
                    classData[2 * n] = data[2 * i];
                    classData[2 * n + 1] = data[2 * i + 1];
                    n++;
                }
            }
            int[] assignment = transport.assign(classNoise, classData, n);
            for (int r = 0; r < n; r++) {
                pairing[rows[r]] = rows[assignment[r]];
            }
        }
        return pairing;
    }
}
