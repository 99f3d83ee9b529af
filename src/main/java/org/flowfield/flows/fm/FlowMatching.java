package org.flowfield.flows.fm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.flowfield.data.PointCloud;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.optim.Adam;
import org.flowfield.flows.optim.OptimizerSettings;

/**
 * A flow-matching model (exercise §4): a vector field v(y, t) trained on conditional probability
 * paths from N(0, I) to the data (Algorithm 1), sampled by integrating it (Algorithm 2).
 *
 * <p>Training pairs. For a data point y₁ and noise y₀ ~ N(0, I), both drawn per step from the
 * batch's seed (noise first, then t ~ U[0, 1]), the path point and its target are
 *
 * <pre>
 * y_t = t·y₁ + (1 − (1 − σ_min)·t)·y₀,   u_t = y₁ − (1 − σ_min)·y₀
 * </pre>
 *
 * which for σ_min = 0 are Eq. 14 and Eq. 15/16 (σ_min > 0: Lipman et al. 2023, Eqs. 20–23). With
 * minibatch optimal transport the batch's noise and data are first paired by an exact assignment
 * (Tong et al. 2024, Algorithm 2). Both are in docs/equations.md.
 * The loss is Eq. 16: the batch mean of ‖v(y_t, t) − u_t‖².
 *
 * <p>With a data set as source (docs/data.md, "Source of flow matching") y₀ are that set's points
 * instead of N(0, I) draws; the model then has no exact likelihood, as the source has no density
 * the integration could start from.
 */
public final class FlowMatching implements FlowModel {

    /** The exercise's step for sampling and for every reported figure: Δt = 1/1000. */
    public static final double SAMPLING_DT = 1e-3;
    /** Steps of the likelihood integration reported with every run (docs/figures.md). */
    public static final int LIKELIHOOD_STEPS = 200;

    private final FlowMatchingConfig config;
    private final OptimizerSettings optimizer;
    private final NDManager manager;
    private final VectorFieldNetwork network;
    private final Adam adam;
    private final FlowIntegrator integrator;
    private final TrainingPairs pairs;
    private final SourceSampler source;

    /** A model transporting N(0, I) to the data. */
    public FlowMatching(FlowMatchingConfig config, long seed) {
        this(config, OptimizerSettings.ADAM, seed, SourceSampler.STANDARD_NORMAL);
    }

    /** A model transporting N(0, I) to the data, trained with these optimizer settings. */
    public FlowMatching(FlowMatchingConfig config, OptimizerSettings optimizer, long seed) {
        this(config, optimizer, seed, SourceSampler.STANDARD_NORMAL);
    }

    /** A model transporting {@code source} to the data, trained with plain Adam. */
    public FlowMatching(FlowMatchingConfig config, long seed, SourceSampler source) {
        this(config, OptimizerSettings.ADAM, seed, source);
    }

    /**
     * @param optimizer the weight decay and gradient clipping of its Adam steps
     * @param source where its paths start
     */
    public FlowMatching(FlowMatchingConfig config, OptimizerSettings optimizer, long seed, SourceSampler source) {
        this.config = config;
        this.optimizer = optimizer;
        this.source = source;
        this.manager = TorchRuntime.get().newManager();
        this.network = new VectorFieldNetwork(manager.newSubManager(), config, seed);
        this.adam = new Adam(network.parameters(), optimizer);
        this.integrator = new FlowIntegrator(network, manager);
        this.pairs = new TrainingPairs(config, source);
    }

    public FlowMatchingConfig config() {
        return config;
    }

    /** Where the model's paths start. */
    public SourceSampler source() {
        return source;
    }

    /** {@code count} start points y₀ from the model's source, reproducible from the seed. */
    public float[] drawSource(int count, long seed) {
        return source.draw(count, seed);
    }

    /** Whether log p(x) is defined: only when the source is N(0, I). */
    @Override
    public boolean hasLikelihood() {
        return source.distribution().standardNormal();
    }

    public OptimizerSettings optimizer() {
        return optimizer;
    }

    @Override
    public ModelFamily family() {
        return config.conditional() ? ModelFamily.CONDITIONAL_FLOW_MATCHING : ModelFamily.FLOW_MATCHING;
    }

    @Override
    public StepLoss trainStep(TrainingBatch batch, double learningRate) {
        try (NDManager step = manager.newSubManager()) {
            TrainingPairs.Draw path = pairs.draw(batch.xy(), batch.labels(), batch.noiseSeed(), 0, batch.size());
            NDArray[] lossAndGradient = network.lossAndGradient(
                    PairBatch.of(step, new TrainingPairs.Draw[] {path}, config));
            double loss = lossAndGradient[0].getFloat();
            adam.step(lossAndGradient[1], learningRate);
            return StepLoss.of(loss);
        }
    }

    /** The loss of Eq. 16 over the points, in chunks of 128 with path draws from the seed. */
    @Override
    public StepLoss validationLoss(PointCloud points, long seed) {
        int chunk = 128;
        double total = 0;
        try (NDManager scope = manager.newSubManager()) {
            for (int from = 0; from < points.size(); from += chunk) {
                int count = Math.min(chunk, points.size() - from);
                try (NDManager step = scope.newSubManager()) {
                    TrainingPairs.Draw path = pairs.draw(points.xy(), points.labels(), seed + from, from, count);
                    NDArray loss = network.loss(
                            step.create(path.input(), new Shape(count, 3)),
                            path.labels() == null ? null : FlowIntegrator.oneHot(step, path.labels(), config.classes()),
                            step.create(path.target(), new Shape(count, 2)));
                    total += loss.getFloat() * count;
                }
            }
        }
        return StepLoss.of(total / points.size());
    }

    /** Euler with Δt = 1/1000 from y₀ drawn from the source with the seed (docs/figures.md). */
    @Override
    public float[] sample(int count, int[] classes, long seed) {
        return integrate(drawSource(count, seed), classes, TimeGrid.forward(SAMPLING_DT), OdeSolver.EULER);
    }

    /**
     * Integrates points along a time grid: Algorithm 2 forwards (Eq. 17), Eq. 18 backwards, or a
     * higher-order solver.
     *
     * @param start [N × 2] interleaved, at t = grid.start()
     * @param classes classes for a conditional model, else null
     * @return the points at t = grid.end()
     */
    public float[] integrate(float[] start, int[] classes, TimeGrid grid, OdeSolver solver) {
        return trajectory(start, classes, grid, solver, new int[] {grid.steps()})[0];
    }

    /** States at the given grid indices (ascending, within 0..n). */
    public float[][] trajectory(float[] start, int[] classes, TimeGrid grid, OdeSolver solver, int[] recordSteps) {
        return integrator.integrate(start, checkClasses(classes, start.length / 2), grid, solver, recordSteps);
    }

    /** Exact log p(x) by RK4 with 200 steps (docs/figures.md). */
    @Override
    public double[] logLikelihood(PointCloud points) {
        return logLikelihood(points, OdeSolver.RK4, LIKELIHOOD_STEPS, DivergenceMethod.EXACT, 0, 0);
    }

    /** log p(x) (log p(x | c) for conditional models) with a chosen solver and divergence. */
    public double[] logLikelihood(
            PointCloud points, OdeSolver solver, int steps, DivergenceMethod method, int probes, long probeSeed) {
        if (!hasLikelihood()) {
            throw new IllegalStateException("a model transporting from " + source.distribution().title()
                    + " has no exact likelihood: the source has no density to start from");
        }
        return integrator.logLikelihood(
                points.xy(), checkClasses(points.labels(), points.size()), solver, steps, method, probes, probeSeed);
    }

    private int[] checkClasses(int[] classes, int n) {
        if (config.conditional() && (classes == null || classes.length != n)) {
            throw new IllegalArgumentException("a class-conditional model needs one class per point");
        }
        return config.conditional() ? classes : null;
    }

    /** v(y, t) at each point (for views and tests). */
    public float[] velocity(float[] y, int[] classes, double t) {
        try (NDManager scope = manager.newSubManager()) {
            int n = y.length / 2;
            int[] checked = checkClasses(classes, n);
            NDArray classBias = checked == null ? null : network.classBias(FlowIntegrator.oneHot(scope, checked, config.classes()));
            return network.velocity(scope.create(y, new Shape(n, 2)), t, classBias).toFloatArray();
        }
    }

    /** The exact divergence ∇·v(y, t) at each point (for tests against finite differences). */
    public float[] divergence(float[] y, int[] classes, double t) {
        try (NDManager scope = manager.newSubManager()) {
            int n = y.length / 2;
            int[] checked = checkClasses(classes, n);
            NDArray classBias = checked == null ? null : network.classBias(FlowIntegrator.oneHot(scope, checked, config.classes()));
            return network.velocityAndDivergence(scope.create(y, new Shape(n, 2)), t, classBias)[1].toFloatArray();
        }
    }

    @Override
    public ModelState state() {
        return new ModelState(network.parameters().toArray(), adam.firstMoment(), adam.secondMoment(), adam.steps());
    }

    @Override
    public void restore(ModelState state) {
        network.parameters().load(state.parameters());
        adam.restore(state.adamFirstMoment(), state.adamSecondMoment(), state.optimizerSteps());
    }

    @Override
    public void close() {
        adam.close();
        network.close();
        manager.close();
    }
}
