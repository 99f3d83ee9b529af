package org.flowfield.runs.settings;

import static org.flowfield.runs.settings.RunSettings.BATCH_SIZE;
import static org.flowfield.runs.settings.RunSettings.COUPLING_LAYERS;
import static org.flowfield.runs.settings.RunSettings.EMBEDDING_DIM;
import static org.flowfield.runs.settings.RunSettings.EPOCHS;
import static org.flowfield.runs.settings.RunSettings.FAMILY;
import static org.flowfield.runs.settings.RunSettings.FM_HIDDEN_WIDTH;
import static org.flowfield.runs.settings.RunSettings.FM_LINEAR_LAYERS;
import static org.flowfield.runs.settings.RunSettings.LEAKY_SLOPE;
import static org.flowfield.runs.settings.RunSettings.LEARNING_RATE;
import static org.flowfield.runs.settings.RunSettings.MINIBATCH_OPTIMAL_TRANSPORT;
import static org.flowfield.runs.settings.RunSettings.NAME;
import static org.flowfield.runs.settings.RunSettings.NF_HIDDEN_WIDTH;
import static org.flowfield.runs.settings.RunSettings.NF_LINEAR_LAYERS;
import static org.flowfield.runs.settings.RunSettings.POINTS;
import static org.flowfield.runs.settings.RunSettings.SCHEDULE;
import static org.flowfield.runs.settings.RunSettings.SEED;
import static org.flowfield.runs.settings.RunSettings.SIGMA_MIN;
import static org.flowfield.runs.settings.RunSettings.labelOf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.flowfield.flows.ModelFamily;
import org.flowfield.text.DisplayNames;
import org.flowfield.text.TypedText;

/**
 * Checks a run's settings against {@link RunLimits} and says, for every problem, which field is
 * wrong and what is allowed. The form calls {@link #validate} to put each message next to its
 * field; the service calls {@link #requireValid} and so rejects exactly what the form rejects,
 * with the same words.
 *
 * <p>The rules:
 * <ul>
 *   <li>A field the family uses ({@link RunSettings#fieldsFor(ModelFamily)}) is required: empty
 *       gives "Epochs is required". Fields the family does not use are neither required nor
 *       checked, whatever they hold, since a form keeps them hidden and the run does not use them
 *       ({@link RunSettingsMapper} ignores them too). Without a family only the shared fields are
 *       checked.</li>
 *   <li>Every message repeats what was typed. Whole numbers must lie within their bounds:
 *       "Points must be between 500 and 1,000,000, not 10"; text that is no whole number gives
 *       "Seed must be a whole number; "abc" is not one". Decimal numbers must be finite ("Learning
 *       rate must be a finite number between 0.000001 and 0.1; "Infinity" is not one") and within
 *       their bounds. The seed must not be negative. The name follows {@link DisplayNames} with
 *       at most {@value RunLimits#MAX_NAME_LENGTH} UTF-16 code units, and must not copy the name of
 *       a reference run.</li>
 *   <li>Combined bounds are checked once the fields they combine are each valid, and reported on
 *       the field most naturally changed: the batch against the points and, with optimal
 *       transport, its own bound, and {@link RunLimits#MAX_LAYER_STEPS} on the batch size;
 *       {@link RunLimits#MAX_POINT_EPOCHS} on the epochs; {@link RunLimits#MAX_NETWORK_WEIGHTS} on
 *       the family's hidden width; {@link RunLimits#MAX_TRAINING_WORK} on the points, and only
 *       when the point-epoch and network bounds hold, since it would otherwise repeat them.</li>
 * </ul>
 * Every problem is reported, in the order of the form's fields, not just the first.
 */
public final class RunSettingsValidator {

    private RunSettingsValidator() {}

    /** Every problem with {@code settings}; empty when a run may start with them. */
    public static List<FieldError> validate(RunSettings settings) {
        return validate(settings, List.of());
    }

    /**
     * Every problem with {@code settings}, a name that copies one of {@code referenceNames}
     * ({@linkplain DisplayNames#comparable compared} as look-alikes) included; empty when a run
     * may start with them.
     */
    public static List<FieldError> validate(RunSettings settings, Collection<String> referenceNames) {
        Objects.requireNonNull(settings, "settings");
        List<FieldError> errors = new ArrayList<>();
        checkName(settings.getName(), referenceNames, errors);
        ModelFamily family = settings.getFamily();
        if (family == null) {
            errors.add(required(FAMILY));
        }
        Integer points = wholeNumber(settings, POINTS, settings.getPoints(), RunLimits.MIN_POINTS, RunLimits.MAX_POINTS, errors);
        Integer epochs = wholeNumber(settings, EPOCHS, settings.getEpochs(), RunLimits.MIN_EPOCHS, RunLimits.MAX_EPOCHS, errors);
        Integer batch = wholeNumber(settings, BATCH_SIZE, settings.getBatchSize(),
                RunLimits.MIN_BATCH_SIZE, RunLimits.MAX_BATCH_SIZE, errors);
        decimal(settings, LEARNING_RATE, settings.getLearningRate(),
                RunLimits.MIN_LEARNING_RATE, RunLimits.MAX_LEARNING_RATE, errors);
        if (settings.getSchedule() == null) {
            errors.add(required(SCHEDULE));
        }
        checkSeed(settings, errors);
        if (family == null) {
            if (points != null && batch != null && batch > points) {
                errors.add(batchExceedsPoints());
            }
            checkPointEpochs(points, epochs, errors);
            return List.copyOf(errors);
        }

        Long weights;
        Integer layersPerStep;
        Boolean optimalTransport = null;
        if (family == ModelFamily.NORMALIZING_FLOW) {
            Integer couplingLayers = wholeNumber(settings, COUPLING_LAYERS, settings.getCouplingLayers(),
                    RunLimits.MIN_COUPLING_LAYERS, RunLimits.MAX_COUPLING_LAYERS, errors);
            Integer width = wholeNumber(settings, NF_HIDDEN_WIDTH, settings.getNfHiddenWidth(),
                    RunLimits.MIN_NF_HIDDEN_WIDTH, RunLimits.MAX_NF_HIDDEN_WIDTH, errors);
            Integer linears = wholeNumber(settings, NF_LINEAR_LAYERS, settings.getNfLinearLayers(),
                    RunLimits.MIN_NF_LINEAR_LAYERS, RunLimits.MAX_NF_LINEAR_LAYERS, errors);
            decimal(settings, LEAKY_SLOPE, settings.getLeakySlope(), RunLimits.MIN_LEAKY_SLOPE, RunLimits.MAX_LEAKY_SLOPE, errors);
            boolean architecture = couplingLayers != null && width != null && linears != null;
            weights = architecture ? RunCost.couplingFlowWeights(couplingLayers, width, linears) : null;
            layersPerStep = couplingLayers != null && linears != null
                    ? RunCost.layersPerStep(family, couplingLayers, linears) : null;
        } else {
            Integer width = wholeNumber(settings, FM_HIDDEN_WIDTH, settings.getFmHiddenWidth(),
                    RunLimits.MIN_FM_HIDDEN_WIDTH, RunLimits.MAX_FM_HIDDEN_WIDTH, errors);
            Integer linears = wholeNumber(settings, FM_LINEAR_LAYERS, settings.getFmLinearLayers(),
                    RunLimits.MIN_FM_LINEAR_LAYERS, RunLimits.MAX_FM_LINEAR_LAYERS, errors);
            Integer embedding = family.conditional()
                    ? wholeNumber(settings, EMBEDDING_DIM, settings.getEmbeddingDim(),
                            RunLimits.MIN_EMBEDDING_DIM, RunLimits.MAX_EMBEDDING_DIM, errors)
                    : Integer.valueOf(0);
            decimal(settings, SIGMA_MIN, settings.getSigmaMin(), RunLimits.MIN_SIGMA_MIN, RunLimits.MAX_SIGMA_MIN, errors);
            optimalTransport = settings.getMinibatchOptimalTransport();
            if (optimalTransport == null) {
                errors.add(required(MINIBATCH_OPTIMAL_TRANSPORT));
            }
            decimal(settings, LEAKY_SLOPE, settings.getLeakySlope(), RunLimits.MIN_LEAKY_SLOPE, RunLimits.MAX_LEAKY_SLOPE, errors);
            boolean architecture = width != null && linears != null && embedding != null;
            weights = architecture
                    ? RunCost.vectorFieldWeights(width, linears, family.conditional(), embedding) : null;
            layersPerStep = linears != null ? RunCost.layersPerStep(family, 1, linears) : null;
        }

        // Combined bounds, each once the fields it combines are valid on their own.
        boolean batchFits = true;
        if (points != null && batch != null && batch > points) {
            errors.add(batchExceedsPoints());
            batchFits = false;
        }
        if (batch != null && Boolean.TRUE.equals(optimalTransport) && batch > RunLimits.MAX_OPTIMAL_TRANSPORT_BATCH_SIZE) {
            errors.add(new FieldError(BATCH_SIZE, "Batch size must be at most "
                    + whole(RunLimits.MAX_OPTIMAL_TRANSPORT_BATCH_SIZE) + " with minibatch optimal transport"));
        }
        if (points != null && epochs != null && batch != null && batchFits && layersPerStep != null) {
            long steps = RunCost.optimizerSteps(points, batch, epochs);
            long layerSteps = steps * layersPerStep;
            if (layerSteps > RunLimits.MAX_LAYER_STEPS) {
                errors.add(new FieldError(BATCH_SIZE, "Optimizer steps × layers per step must be at most "
                        + whole(RunLimits.MAX_LAYER_STEPS) + " (this run: " + whole(steps) + " steps × "
                        + whole(layersPerStep) + " layers = " + whole(layerSteps) + ")"));
            }
        }
        boolean pointEpochsFit = checkPointEpochs(points, epochs, errors);
        boolean networkFits = true;
        if (weights != null && weights > RunLimits.MAX_NETWORK_WEIGHTS) {
            String widthField = family == ModelFamily.NORMALIZING_FLOW ? NF_HIDDEN_WIDTH : FM_HIDDEN_WIDTH;
            errors.add(new FieldError(widthField, "The network must have at most "
                    + whole(RunLimits.MAX_NETWORK_WEIGHTS) + " weights (this one: " + whole(weights) + ")"));
            networkFits = false;
        }
        if (weights != null && points != null && epochs != null && pointEpochsFit && networkFits) {
            long work = weights * RunCost.pointEpochs(points, epochs);
            if (work > RunLimits.MAX_TRAINING_WORK) {
                errors.add(new FieldError(POINTS, "Network weights × points × epochs must be at most "
                        + whole(RunLimits.MAX_TRAINING_WORK) + " (this run: " + whole(work) + ")"));
            }
        }
        return List.copyOf(errors);
    }

    /**
     * Throws {@link InvalidRunSettingsException} holding every problem of {@code settings}, if it
     * has any; the service calls this before it stores or queues anything.
     */
    public static void requireValid(RunSettings settings) {
        requireValid(settings, List.of());
    }

    /**
     * Throws {@link InvalidRunSettingsException} holding every problem of {@code settings}, a name
     * that copies one of {@code referenceNames} included, if it has any.
     */
    public static void requireValid(RunSettings settings, Collection<String> referenceNames) {
        List<FieldError> errors = validate(settings, referenceNames);
        if (!errors.isEmpty()) {
            throw new InvalidRunSettingsException(errors);
        }
    }

    /** The problems of one field (what a form shows next to it); empty when it is fine. */
    public static List<String> messagesFor(RunSettings settings, String field) {
        labelOf(field);
        return validate(settings).stream().filter(error -> error.field().equals(field)).map(FieldError::message).toList();
    }

    private static void checkName(String name, Collection<String> referenceNames, List<FieldError> errors) {
        DisplayNames.problem(labelOf(NAME), name, RunLimits.MAX_NAME_LENGTH).ifPresentOrElse(
                problem -> errors.add(new FieldError(NAME, problem)),
                () -> {
                    String typed = DisplayNames.comparable(name);
                    referenceNames.stream().filter(reference -> DisplayNames.comparable(reference).equals(typed)).findFirst()
                            .ifPresent(reference -> errors.add(new FieldError(NAME, labelOf(NAME)
                                    + " must differ from the reference run \u201c" + reference + "\u201d, so that nobody takes your run for it")));
                });
    }

    private static void checkSeed(RunSettings settings, List<FieldError> errors) {
        String typed = settings.unreadable().get(SEED);
        Long seed = settings.getSeed();
        if (typed != null) {
            String message;
            if (!SettingText.isWholeNumber(typed)) {
                message = " must be a whole number; " + TypedText.quoted(typed) + " is not one";
            } else if (typed.strip().startsWith("-")) {
                message = " must be " + whole(RunLimits.MIN_SEED) + " or more, not " + TypedText.excerpt(typed.strip());
            } else {
                message = " must be at most " + whole(RunLimits.MAX_SEED) + ", not " + TypedText.excerpt(typed.strip());
            }
            errors.add(new FieldError(SEED, labelOf(SEED) + message));
        } else if (seed == null) {
            errors.add(required(SEED));
        } else if (seed < RunLimits.MIN_SEED) {
            errors.add(new FieldError(SEED, labelOf(SEED) + " must be " + whole(RunLimits.MIN_SEED) + " or more, not " + whole(seed)));
        }
    }

    /** Adds the error of points × epochs, if any; true when both are valid and their product fits. */
    private static boolean checkPointEpochs(Integer points, Integer epochs, List<FieldError> errors) {
        if (points == null || epochs == null) {
            return false;
        }
        long pointEpochs = RunCost.pointEpochs(points, epochs);
        if (pointEpochs > RunLimits.MAX_POINT_EPOCHS) {
            errors.add(new FieldError(EPOCHS, "Points × epochs must be at most " + whole(RunLimits.MAX_POINT_EPOCHS)
                    + " (this run: " + whole(pointEpochs) + ")"));
            return false;
        }
        return true;
    }

    private static FieldError batchExceedsPoints() {
        return new FieldError(BATCH_SIZE, labelOf(BATCH_SIZE) + " must not exceed the number of points");
    }

    /**
     * The value if present and within [min, max]; otherwise adds the error, which repeats what was
     * typed, and returns null.
     */
    private static Integer wholeNumber(RunSettings settings, String field, Integer value, int min, int max,
            List<FieldError> errors) {
        String typed = settings.unreadable().get(field);
        String range = labelOf(field) + " must be between " + whole(min) + " and " + whole(max);
        if (typed != null) {
            errors.add(new FieldError(field, SettingText.isWholeNumber(typed)
                    ? range + ", not " + TypedText.excerpt(typed.strip())
                    : labelOf(field) + " must be a whole number; " + TypedText.quoted(typed) + " is not one"));
            return null;
        }
        if (value == null) {
            errors.add(required(field));
            return null;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, range + ", not " + whole(value)));
            return null;
        }
        return value;
    }

    /**
     * The value if present, finite and within [min, max]; otherwise adds the error, which repeats
     * what was typed, and returns null.
     */
    private static Double decimal(RunSettings settings, String field, Double value, double min, double max,
            List<FieldError> errors) {
        String typed = settings.unreadable().get(field);
        String range = " between " + decimal(min) + " and " + decimal(max);
        String label = labelOf(field);
        if (typed != null) {
            String message;
            if (SettingText.namesNonFinite(typed)) {
                message = label + " must be a finite number" + range + "; " + TypedText.quoted(typed) + " is not one";
            } else if (SettingText.isDecimal(typed)) {
                message = label + " must be" + range + ", not " + TypedText.excerpt(typed.strip());
            } else if (SettingText.hasDecimalComma(typed)) {
                message = label + " must be written with a decimal point, e.g. " + decimal(max) + "; "
                        + TypedText.quoted(typed) + " is not a number";
            } else {
                message = label + " must be a number; " + TypedText.quoted(typed) + " is not one";
            }
            errors.add(new FieldError(field, message));
            return null;
        }
        if (value == null) {
            errors.add(required(field));
            return null;
        }
        if (!Double.isFinite(value)) {
            errors.add(new FieldError(field, label + " must be a finite number; " + value + " is not one"));
            return null;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, label + " must be" + range + ", not " + shown(value)));
            return null;
        }
        return value;
    }

    private static FieldError required(String field) {
        return new FieldError(field, labelOf(field) + " is required");
    }

    /** A whole number with thousands separators: 1,000,000. */
    static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A typed decimal, short: 0.2, 0.0000001, -0, 1e308, 1e-9. */
    static String shown(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-7 && magnitude < 1e9 ? exact.toPlainString() : exact.toString().replace("E+", "e").replace("E", "e");
    }

    /** A decimal bound as written, without exponent or trailing zeros: 0.000001, 0.5, 0. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
