package org.flowfield.cli;

import java.nio.file.Path;
import org.flowfield.data.DataSet;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;

/**
 * The options of {@code train}.
 *
 * @param family --model nf|fm|cfm (required)
 * @param epochs --epochs E
 * @param points --points N
 * @param seed --seed S
 * @param out --out DIR, where the checkpoint and the result are written (or null)
 * @param dataSet --data NAME, the data set learnt (default: the Olympic rings)
 * @param source --source normal|NAME, where flow matching starts (default: the standard normal)
 */
record TrainArguments(ModelFamily family, int epochs, int points, long seed, Path out, DataSet dataSet,
        SourceDistribution source) {

    static final int MAX_EPOCHS = 1_000;
    static final int MIN_POINTS = 5;
    static final int MAX_POINTS = 10_000_000;

    static final String USAGE = "usage: train --model nf|fm|cfm [--epochs E] [--points N] [--seed S] [--out DIR]"
            + " [--data " + String.join("|", DataSet.codes().split(", ")) + "] [--source normal|DATA]";

    /** Parses the arguments after {@code train}; throws {@link IllegalArgumentException} with a message for the user. */
    static TrainArguments parse(String[] args, int defaultEpochs, int defaultPoints) {
        ModelFamily family = null;
        int epochs = defaultEpochs;
        int points = defaultPoints;
        long seed = 0;
        Path out = null;
        DataSet dataSet = DataSet.RINGS;
        SourceDistribution source = SourceDistribution.STANDARD_NORMAL;
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
                case "--data" -> dataSet = DataSet.ofCode(value);
                case "--source" -> source = SourceDistribution.ofCode(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (family == null) {
            throw new IllegalArgumentException("--model is required (nf, fm or cfm)");
        }
        return new TrainArguments(family, epochs, points, seed, out, dataSet, source);
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
