package org.flowfield.cli;

import java.nio.file.Path;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.flows.optim.OptimizerSettings;
import org.flowfield.training.TrainingConfig;

/**
 * The options of {@code train}.
 *
 * @param family --model nf|fm|cfm (required)
 * @param epochs --epochs E
 * @param points --points N
 * @param seed --seed S
 * @param out --out DIR, where the checkpoint and the result are written (or null)
 * @param model --learning-rate, --activation, --log-scale-bound, --weight-decay, --max-grad-norm,
 *     --minibatch-ot, --ot-within-classes: changes to the exercise's recipe
 */
record TrainArguments(ModelFamily family, int epochs, int points, long seed, Path out, ModelOptions model) {

    /** The model options given on the command line; null (NaN for numbers) keeps the exercise's value. */
    record ModelOptions(double learningRate, Activation activation, double logScaleBound, double weightDecay,
            double maxGradientNorm, Boolean minibatchOptimalTransport, Boolean transportWithinClasses) {

        static final ModelOptions NONE = new ModelOptions(Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, null, null);

        /** The configuration with these options applied; throws IllegalArgumentException for values out of range. */
        TrainingConfig apply(TrainingConfig config) {
            TrainingConfig result = config;
            if (!Double.isNaN(learningRate)) {
                result = result.withLearningRate(learningRate);
            }
            CouplingFlowConfig nf = result.couplingFlow();
            FlowMatchingConfig fm = result.flowMatching();
            if (activation != null) {
                nf = nf.withActivation(activation);
                fm = fm.withActivation(activation);
            }
            if (!Double.isNaN(logScaleBound)) {
                nf = nf.withLogScaleBound(logScaleBound);
            }
            if (minibatchOptimalTransport != null) {
                fm = fm.withMinibatchOptimalTransport(minibatchOptimalTransport);
            }
            if (transportWithinClasses != null) {
                fm = fm.withTransportWithinClasses(transportWithinClasses);
            }
            OptimizerSettings optimizer = result.optimizer();
            optimizer = new OptimizerSettings(Double.isNaN(weightDecay) ? optimizer.weightDecay() : weightDecay,
                    Double.isNaN(maxGradientNorm) ? optimizer.maxGradientNorm() : maxGradientNorm);
            return result.withCouplingFlow(nf).withFlowMatching(fm).withOptimizer(optimizer);
        }
    }

    static final int MAX_EPOCHS = 1_000;
    static final int MIN_POINTS = 5;
    static final int MAX_POINTS = 10_000_000;

    static final String USAGE = "usage: train --model nf|fm|cfm [--epochs E] [--points N] [--seed S] [--out DIR]"
            + " [--learning-rate R] [--activation leaky_relu|selu|silu|tanh] [--log-scale-bound B] [--weight-decay L]"
            + " [--max-grad-norm C] [--minibatch-ot true|false] [--ot-within-classes true|false]";

    /** Parses the arguments after {@code train}; throws {@link IllegalArgumentException} with a message for the user. */
    static TrainArguments parse(String[] args, int defaultEpochs, int defaultPoints) {
        ModelFamily family = null;
        int epochs = defaultEpochs;
        int points = defaultPoints;
        long seed = 0;
        Path out = null;
        double learningRate = Double.NaN;
        Activation activation = null;
        double logScaleBound = Double.NaN;
        double weightDecay = Double.NaN;
        double maxGradientNorm = Double.NaN;
        Boolean minibatchOptimalTransport = null;
        Boolean transportWithinClasses = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--model" -> family = ModelFamily.ofCode(value);
                case "--epochs" -> epochs = wholeNumber(option, value, 1, MAX_EPOCHS);
                case "--points" -> points = wholeNumber(option, value, MIN_POINTS, MAX_POINTS);
                case "--seed" -> seed = seed(value);
                case "--out" -> out = Path.of(value);
                case "--learning-rate" -> learningRate = decimal(option, value);
                case "--activation" -> activation = activation(value);
                case "--log-scale-bound" -> logScaleBound = decimal(option, value);
                case "--weight-decay" -> weightDecay = decimal(option, value);
                case "--max-grad-norm" -> maxGradientNorm = decimal(option, value);
                case "--minibatch-ot" -> minibatchOptimalTransport = yesOrNo(option, value);
                case "--ot-within-classes" -> transportWithinClasses = yesOrNo(option, value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (family == null) {
            throw new IllegalArgumentException("--model is required (nf, fm or cfm)");
        }
        return new TrainArguments(family, epochs, points, seed, out, new ModelOptions(learningRate, activation,
                logScaleBound, weightDecay, maxGradientNorm, minibatchOptimalTransport, transportWithinClasses));
    }

    private static double decimal(String option, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
    }

    private static Activation activation(String value) {
        for (Activation activation : Activation.values()) {
            if (activation.name().equalsIgnoreCase(value) || activation.title().equalsIgnoreCase(value)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("--activation must be leaky_relu, selu, silu or tanh, got '" + value + "'");
    }

    private static boolean yesOrNo(String option, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be true or false, got '" + value + "'");
        };
    }

    private static int wholeNumber(String option, String value, int min, int max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) parsed;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + value + "'");
        }
    }
}
