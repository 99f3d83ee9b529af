package org.flowfield.questions;

import java.util.Arrays;
import org.flowfield.data.OlympicRings;
import org.flowfield.flows.fm.FlowMatching;

/**
 * The bounds of every parameter a user may give a question, checked before anything is computed.
 * Views read the same constants for their fields.
 */
public final class QuestionInputs {

    /** Most points a user may place for probability estimation or reversal. */
    public static final int MAX_POINTS = 20;
    /** Largest |coordinate| of a user's point, in the coordinates it is given in. */
    public static final double MAX_ABS_COORDINATE = 100;
    /** Most seeds of the sampling question. */
    public static final int MAX_SEEDS = 6;
    /** Most step sizes of one time-quantization sweep. */
    public static final int MAX_DT_VALUES = 8;
    /** Smallest step size: the model's own sampling step; finer steps cost more than a page should wait. */
    public static final double MIN_DT = FlowMatching.SAMPLING_DT;
    /** Largest step size: one step from t = 0 to t = 1. */
    public static final double MAX_DT = 1;
    /** Bounds of the class-conditional sample count (at least one per class; the exercise asks for 3,000 or more). */
    public static final int MIN_CLASS_SAMPLES = OlympicRings.NUM_CLASSES;
    public static final int MAX_CLASS_SAMPLES = 10_000;

    private QuestionInputs() {}

    static long[] seeds(long[] seeds) {
        if (seeds.length < 1 || seeds.length > MAX_SEEDS) {
            throw new InvalidQuestionInputException("give 1 to " + MAX_SEEDS + " seeds, got " + seeds.length);
        }
        if (Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new InvalidQuestionInputException("the seeds must differ from each other, got " + Arrays.toString(seeds));
        }
        return seeds.clone();
    }

    /** Interleaved points [x0, y0, …]: 1 to MAX_POINTS of them, each coordinate finite and within bounds. */
    static float[] points(float[] xy) {
        if (xy.length == 0 || xy.length % 2 != 0) {
            throw new InvalidQuestionInputException("points must be (x, y) pairs, got " + xy.length + " numbers");
        }
        if (xy.length / 2 > MAX_POINTS) {
            throw new InvalidQuestionInputException("at most " + MAX_POINTS + " points, got " + xy.length / 2);
        }
        for (int i = 0; i < xy.length; i++) {
            coordinate("point " + (i / 2 + 1) + (i % 2 == 0 ? " x" : " y"), xy[i]);
        }
        return normalised(xy);
    }

    static void coordinate(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidQuestionInputException(name + " must be a finite number, got " + value);
        }
        if (Math.abs(value) > MAX_ABS_COORDINATE) {
            throw new InvalidQuestionInputException(name + " must lie within ±" + MAX_ABS_COORDINATE + ", got " + value);
        }
    }

    static double[] dts(double[] dts) {
        if (dts.length < 1 || dts.length > MAX_DT_VALUES) {
            throw new InvalidQuestionInputException("give 1 to " + MAX_DT_VALUES + " step sizes, got " + dts.length);
        }
        for (double dt : dts) {
            dt(dt);
        }
        if (Arrays.stream(dts).distinct().count() != dts.length) {
            throw new InvalidQuestionInputException("the step sizes must differ from each other, got " + Arrays.toString(dts));
        }
        return dts.clone();
    }

    static double dt(double dt) {
        if (!(dt > 0 && dt <= MAX_DT)) {
            throw new InvalidQuestionInputException("a step size dt must lie in (0, 1], got " + dt);
        }
        if (dt < MIN_DT) {
            throw new InvalidQuestionInputException("a step size dt must be at least " + MIN_DT + " (the model's own), got " + dt);
        }
        return dt;
    }

    /** One class per point for a class-conditional model, each a label 0..4. */
    static int[] classes(int[] classes, int points) {
        if (classes.length != points) {
            throw new InvalidQuestionInputException("give one class per point: " + classes.length + " classes for " + points + " points");
        }
        for (int label : classes) {
            label(label);
        }
        return classes.clone();
    }

    static int label(int label) {
        if (label < 0 || label >= OlympicRings.NUM_CLASSES) {
            throw new InvalidQuestionInputException("a class must be 0.." + (OlympicRings.NUM_CLASSES - 1)
                    + " (black, blue, green, red, yellow), got " + label);
        }
        return label;
    }

    static int classSamples(int count) {
        if (count < MIN_CLASS_SAMPLES || count > MAX_CLASS_SAMPLES) {
            throw new InvalidQuestionInputException("the number of samples must be in [" + MIN_CLASS_SAMPLES + ", "
                    + MAX_CLASS_SAMPLES + "], got " + count);
        }
        return count;
    }

    /** −0 as 0, so that equal points make equal cache keys. */
    private static float[] normalised(float[] xy) {
        float[] copy = xy.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i] + 0f;
        }
        return copy;
    }
}
