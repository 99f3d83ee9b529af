package org.flowfield.flows.nf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.PointCloud;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.DensityGrid;
import org.flowfield.flows.ReferenceActivation;
import org.flowfield.flows.StandardNormal;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.ParameterLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CouplingFlowTest {

    private static final CouplingFlowConfig SMALL = new CouplingFlowConfig(5, 4, 3, 0.01);

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    /** A flow after some Adam steps, so that its layers are far from their initial values. */
    static CouplingFlow trainedFlow(CouplingFlowConfig config, int steps) {
        CouplingFlow flow = new CouplingFlow(config, 7);
        RingDataset data = RingDataset.training(DataSetKind.UNCONDITIONAL, 128 * 20, 3);
        float[] xy = data.points().xy();
        for (int s = 0; s < steps; s++) {
            int from = (s % 20) * 256;
            flow.trainStep(new TrainingBatch(java.util.Arrays.copyOfRange(xy, from, from + 256), null, s), 1e-2);
        }
        return flow;
    }

    @Test
    void inverseOfForwardGivesBackTheLatentPointsTo1e5() {
        try (CouplingFlow flow = trainedFlow(CouplingFlowConfig.EXERCISE, 50)) {
            float[] z = StandardNormal.draw(2_000, 11);
            float[][] forward = flow.forwardLayers(z);
            float[] x = forward[forward.length - 1];
            float[] back = flow.inverseLayers(x).states()[CouplingFlowConfig.EXERCISE.couplingLayers()];
            for (int i = 0; i < z.length; i++) {
                assertThat((double) back[i]).isCloseTo(z[i], within(1e-5));
            }
        }
    }

    @Test
    void inverseStatesRetraceTheForwardStatesLayerByLayer() {
        try (CouplingFlow flow = trainedFlow(SMALL, 30)) {
            float[] z = StandardNormal.draw(50, 5);
            float[][] forward = flow.forwardLayers(z);
            float[][] inverse = flow.inverseLayers(forward[forward.length - 1]).states();
            int layers = SMALL.couplingLayers();
            for (int k = 0; k <= layers; k++) {
                for (int i = 0; i < z.length; i++) {
                    assertThat((double) inverse[k][i]).isCloseTo(forward[layers - k][i], within(1e-5));
                }
            }
        }
    }

    @Test
    void logDeterminantMatchesANumericalJacobianOfTheInverse() {
        try (CouplingFlow flow = trainedFlow(CouplingFlowConfig.EXERCISE, 100)) {
            float[] x = {0.3f, -0.2f, -1.1f, 0.7f, 1.4f, 1.0f, 0.0f, 0.0f, -0.5f, -1.5f};
            InverseTrace trace = flow.inverseLayers(x);
            float[] z = trace.states()[trace.states().length - 1];
            double eps = 1e-3;
            for (int i = 0; i < x.length / 2; i++) {
                double[][] jacobian = new double[2][2];
                for (int c = 0; c < 2; c++) {
                    float[] plus = {x[2 * i], x[2 * i + 1]};
                    float[] minus = {x[2 * i], x[2 * i + 1]};
                    plus[c] += (float) eps;
                    minus[c] -= (float) eps;
                    float[] zPlus = flow.inverseLayers(plus).states()[trace.states().length - 1];
                    float[] zMinus = flow.inverseLayers(minus).states()[trace.states().length - 1];
                    double step = (double) plus[c] - minus[c];
                    jacobian[0][c] = (zPlus[0] - zMinus[0]) / step;
                    jacobian[1][c] = (zPlus[1] - zMinus[1]) / step;
                }
                double numericalLogDet = Math.log(Math.abs(jacobian[0][0] * jacobian[1][1] - jacobian[0][1] * jacobian[1][0]));
                double flowLogDet = trace.logLikelihood()[i] - StandardNormal.logDensity(z[2 * i], z[2 * i + 1]);
                assertThat(flowLogDet).as("point %d", i).isCloseTo(numericalLogDet, within(2e-3));
            }
        }
    }

    @Test
    void theDensityOfATrainedFlowIntegratesToOne() {
        try (CouplingFlow flow = trainedFlow(CouplingFlowConfig.EXERCISE, 400)) {
            DensityGrid grid = new DensityGrid(-5, 5, 0.025);
            assertThat(grid.integrate(flow.logLikelihood(grid.centres(null)))).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void handDerivedGradientEqualsAutogradOfEquation9() {
        try (CouplingFlow flow = trainedFlow(SMALL, 20)) {
            float[] xy = RingDataset.training(DataSetKind.UNCONDITIONAL, 64, 9).points().xy();
            float[] ours = flow.lossGradient(xy);
            float[] reference = autogradOfEquation9(SMALL, flow.weights(), xy);
            assertThat(ours).hasSameSizeAs(reference);
            double scale = 0;
            for (float g : reference) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertThat(scale).isGreaterThan(1e-3);
            for (int i = 0; i < ours.length; i++) {
                assertThat((double) ours[i]).as("gradient entry %d", i).isCloseTo(reference[i], within(1e-5 + 1e-4 * scale));
            }
        }
    }

    @Test
    void lossEqualsMinusMeanLogLikelihoodAndSplitsIntoItsParts() {
        try (CouplingFlow flow = trainedFlow(SMALL, 20)) {
            PointCloud points = RingDataset.training(DataSetKind.UNCONDITIONAL, 500, 4).points();
            StepLoss loss = flow.validationLoss(points, 0);
            double[] logP = flow.logLikelihood(points);
            double mean = java.util.Arrays.stream(logP).average().orElseThrow();
            assertThat(loss.loss()).isCloseTo(-mean, within(1e-4));
            assertThat(loss.loss()).isCloseTo(-(loss.logDet() + loss.logPz()), within(1e-9));
        }
    }

    @Test
    void offDiagonalBlocksStayExactlyZeroThroughTraining() {
        try (CouplingFlow flow = trainedFlow(SMALL, 40)) {
            float[] w = flow.weights();
            ParameterLayout layout = CouplingFlow.layout(SMALL);
            int h = SMALL.hiddenWidth();
            // the middle linear [L, 2H, 2H]: rows of one network never read the other's columns
            int offset = layout.offset(2);
            for (int l = 0; l < SMALL.couplingLayers(); l++) {
                for (int r = 0; r < 2 * h; r++) {
                    for (int c = 0; c < 2 * h; c++) {
                        float value = w[offset + (l * 2 * h + r) * 2 * h + c];
                        if ((r < h) != (c < h)) {
                            assertThat(value).isZero();
                        } else {
                            assertThat(value).isNotZero();
                        }
                    }
                }
            }
        }
    }

    /**
     * Eq. 9 written the exercise's way, with DJL's autograd: two separate networks per coupling
     * layer (sliced from the packed weights) and an explicit swap between layers.
     */
    static float[] autogradOfEquation9(CouplingFlowConfig config, float[] weights, float[] xy) {
        int layers = config.couplingLayers();
        int k = config.linearLayers();
        int h = config.hiddenWidth();
        ParameterLayout layout = CouplingFlow.layout(config);
        try (NDManager m = NDManager.newBaseManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray theta = m.create(weights);
            theta.setRequiresGradient(true);
            NDArray[] w = new NDArray[k];
            NDArray[] b = new NDArray[k];
            for (int j = 0; j < k; j++) {
                long[] shape = layout.shapes().get(2 * j);
                w[j] = theta.get(new NDIndex("{}:{}", layout.offset(2 * j), layout.offset(2 * j) + ParameterLayout.elements(shape)))
                        .reshape(new Shape(shape));
                long[] biasShape = layout.shapes().get(2 * j + 1);
                b[j] = theta.get(new NDIndex("{}:{}", layout.offset(2 * j + 1), layout.offset(2 * j + 1) + ParameterLayout.elements(biasShape)))
                        .reshape(new Shape(biasShape));
            }
            int n = xy.length / 2;
            NDArray u = m.create(xy, new Shape(n, 2));
            NDArray sumLogScale = m.zeros(new Shape(n, 1));
            for (int l = layers - 1; l >= 0; l--) {
                if (l < layers - 1) {
                    u = u.get(new NDIndex(":, 1:2")).concat(u.get(new NDIndex(":, 0:1")), 1);
                }
                NDArray zl = u.get(new NDIndex(":, 0:1"));
                NDArray yr = u.get(new NDIndex(":, 1:2"));
                NDArray logScale = network(zl, w, b, l, 0, k, h, config);
                NDArray shift = network(zl, w, b, l, 1, k, h, config);
                if (config.boundedLogScale()) {
                    logScale = logScale.div(config.logScaleBound()).tanh().mul(config.logScaleBound());
                }
                NDArray zr = yr.sub(shift).mul(logScale.neg().exp());
                u = zl.concat(zr, 1);
                sumLogScale = sumLogScale.add(logScale);
            }
            NDArray perPoint = u.square().sum(new int[] {1}, true).mul(0.5).add(Math.log(2 * Math.PI)).add(sumLogScale);
            NDArray loss = perPoint.mean();
            collector.backward(loss);
            return theta.getGradient().toFloatArray();
        }
    }

    /** Network {@code net} (0: log-scale, 1: shift) of layer l, its blocks sliced from the packed weights. */
    private static NDArray network(NDArray input, NDArray[] w, NDArray[] b, int l, int net, int k, int h,
            CouplingFlowConfig config) {
        NDArray a = input;
        for (int j = 0; j < k; j++) {
            String rows = j == k - 1 ? net + ":" + (net + 1) : (net * h) + ":" + (net * h + h);
            String cols = j == 0 ? "0:1" : (net * h) + ":" + (net * h + h);
            NDArray weight = w[j].get(new NDIndex("{}, " + rows + ", " + cols, l));
            NDArray bias = b[j].get(new NDIndex("{}, " + rows, l));
            a = a.matMul(weight.transpose()).add(bias);
            if (j < k - 1) {
                a = ReferenceActivation.of(config.activation(), a, config.leakySlope());
            }
        }
        return a;
    }
}
