package org.flowfield.training;

import org.flowfield.data.DataSet;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.flows.optim.OptimizerSettings;

/**
 * Everything that defines a training run; two runs with equal configurations produce the same
 * weights, losses and figures.
 *
 * @param family which model is trained
 * @param couplingFlow the architecture, for normalizing flows
 * @param flowMatching the vector field and path, for (conditional) flow matching
 * @param points number of training points drawn from the family's data set
 * @param epochs passes over the training points
 * @param batchSize points per optimizer step (the last batch of an epoch may be smaller)
 * @param learningRate Adam's base learning rate
 * @param schedule how the learning rate changes over the epochs
 * @param seed seed of the data, the initial weights and every random draw of training
 * @param reportEvery steps between two progress reports (each the mean of its window)
 * @param dataSet the data set learnt (docs/data.md); the Olympic rings when null
 * @param source where flow matching transports from: N(0, I) (also when null) or a data set;
 *     normalizing flows always start from N(0, I)
 * @param optimizer weight decay (AdamW) and gradient-norm clipping of the Adam steps; null is plain Adam
 * @param standardize whether the model sees the data standardised with the training set's mean and
 *     std (the exercise's way, docs/data.md) or in the data's own coordinates
 * @param userData one of the owner's own data sets (docs/data.md, "Your own data"), learnt instead of
 *     {@code dataSet}; null for a built-in data set
 */
public record TrainingConfig(
        ModelFamily family,
        CouplingFlowConfig couplingFlow,
        FlowMatchingConfig flowMatching,
        int points,
        int epochs,
        int batchSize,
        double learningRate,
        LearningRateSchedule schedule,
        long seed,
        int reportEvery,
        DataSet dataSet,
        SourceDistribution source,
        OptimizerSettings optimizer,
        boolean standardize,
        UserDataRef userData) {

    public static final int DEFAULT_POINTS = 250_000;
    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_REPORT_EVERY = 50;

    public TrainingConfig {
        if (family == null) {
            throw new IllegalArgumentException("a run needs a model family");
        }
        if (points < 5) {
            throw new IllegalArgumentException("a run needs at least 5 training points, got " + points);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("a run needs at least one epoch, got " + epochs);
        }
        if (batchSize < 1 || batchSize > points) {
            throw new IllegalArgumentException("batch size must be in [1, points], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1), got " + learningRate);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("progress must be reported at least every step count >= 1, got " + reportEvery);
        }
        if (schedule == null) {
            schedule = LearningRateSchedule.COSINE;
        }
        dataSet = dataSet == null ? DataSet.RINGS : dataSet;
        source = source == null ? SourceDistribution.STANDARD_NORMAL : source;
        if (family.conditional() && userData != null && !userData.labelled()) {
            throw new IllegalArgumentException(UserDataRef.WITHOUT_CLASSES);
        }
        if (family.conditional() && userData == null && !dataSet.labelled()) {
            throw new IllegalArgumentException(dataSet.withoutClasses());
        }
        if (family == ModelFamily.NORMALIZING_FLOW && !source.standardNormal()) {
            throw new IllegalArgumentException("a normalizing flow starts from the standard normal; a data set as source is for flow matching");
        }
        couplingFlow = couplingFlow == null ? CouplingFlowConfig.EXERCISE : couplingFlow;
        flowMatching = flowMatching == null ? FlowMatchingConfig.EXERCISE : flowMatching;
        flowMatching = flowMatching.withConditional(family.conditional());
        if (family.conditional()) {
            flowMatching = flowMatching.withClasses(userData == null ? dataSet.classes() : userData.classes());
        }
        optimizer = optimizer == null ? OptimizerSettings.ADAM : optimizer;
    }

    /** A run on the Olympic rings, flow matching from N(0, I). */
    public TrainingConfig(ModelFamily family, CouplingFlowConfig couplingFlow, FlowMatchingConfig flowMatching, int points,
            int epochs, int batchSize, double learningRate, LearningRateSchedule schedule, long seed, int reportEvery) {
        this(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                DataSet.RINGS, SourceDistribution.STANDARD_NORMAL, OptimizerSettings.ADAM, true, null);
    }

    /** A run on a data set, trained with plain Adam. */
    public TrainingConfig(ModelFamily family, CouplingFlowConfig couplingFlow, FlowMatchingConfig flowMatching, int points,
            int epochs, int batchSize, double learningRate, LearningRateSchedule schedule, long seed, int reportEvery,
            DataSet dataSet, SourceDistribution source) {
        this(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, OptimizerSettings.ADAM, true, null);
    }

    /** A run on the Olympic rings, flow matching from N(0, I), with these optimizer settings. */
    public TrainingConfig(ModelFamily family, CouplingFlowConfig couplingFlow, FlowMatchingConfig flowMatching, int points,
            int epochs, int batchSize, double learningRate, LearningRateSchedule schedule, long seed, int reportEvery,
            OptimizerSettings optimizer) {
        this(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                DataSet.RINGS, SourceDistribution.STANDARD_NORMAL, optimizer, true, null);
    }

    /** The exercise's recipe for a family: 250,000 points, 20 epochs, batch 128, Adam 1e-3, cosine. */
    public static TrainingConfig exercise(ModelFamily family, long seed) {
        return new TrainingConfig(family, CouplingFlowConfig.EXERCISE, FlowMatchingConfig.EXERCISE,
                DEFAULT_POINTS, DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE,
                LearningRateSchedule.COSINE, seed, DEFAULT_REPORT_EVERY);
    }

    public TrainingConfig withPoints(int value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, value, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, value, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, value, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withReportEvery(int value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, value,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withFlowMatching(FlowMatchingConfig value) {
        return new TrainingConfig(family, couplingFlow, value, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withCouplingFlow(CouplingFlowConfig value) {
        return new TrainingConfig(family, value, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, value, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, userData);
    }

    public TrainingConfig withOptimizer(OptimizerSettings value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, value, standardize, userData);
    }

    public TrainingConfig withStandardize(boolean value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, value, userData);
    }

    public TrainingConfig withUserData(UserDataRef value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, source, optimizer, standardize, value);
    }

    /** Whether the run learns one of its owner's data sets rather than a built-in one. */
    public boolean usesUserData() {
        return userData != null;
    }

    /** The number of classes of the data learnt (0 without classes). */
    public int classes() {
        return userData == null ? dataSet.classes() : userData.classes();
    }

    public TrainingConfig withDataSet(DataSet value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                value, source, optimizer, standardize, userData);
    }

    public TrainingConfig withSource(SourceDistribution value) {
        return new TrainingConfig(family, couplingFlow, flowMatching, points, epochs, batchSize, learningRate, schedule, seed, reportEvery,
                dataSet, value, optimizer, standardize, userData);
    }

    /**
     * Size of the training set: the class-conditional rings have n/5 points per ring (docs/data.md);
     * a user's data set gives exactly n.
     */
    public int trainingPoints() {
        return userData == null ? dataSet.size(family.dataSet(), points) : points;
    }

    /** Optimizer steps per epoch: ⌈training points / batch⌉ (the last batch keeps the remainder). */
    public int stepsPerEpoch() {
        return (trainingPoints() + batchSize - 1) / batchSize;
    }

    public long totalSteps() {
        return (long) stepsPerEpoch() * epochs;
    }
}
