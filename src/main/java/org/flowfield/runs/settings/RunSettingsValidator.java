package org.flowfield.runs.settings;

import static org.flowfield.runs.settings.RunSettings.BATCH_SIZE;
import static org.flowfield.runs.settings.RunSettings.COUPLING_LAYERS;
import static org.flowfield.runs.settings.RunSettings.EMBEDDING_DIM;
import static org.flowfield.runs.settings.RunSettings.EPOCHS;
import static org.flowfield.runs.settings.RunSettings.FM_HIDDEN_WIDTH;
import static org.flowfield.runs.settings.RunSettings.FM_LINEAR_LAYERS;
import static org.flowfield.runs.settings.RunSettings.MINIBATCH_OPTIMAL_TRANSPORT;
import static org.flowfield.runs.settings.RunSettings.NF_HIDDEN_WIDTH;
import static org.flowfield.runs.settings.RunSettings.NF_LINEAR_LAYERS;
import static org.flowfield.runs.settings.RunSettings.POINTS;
import static org.flowfield.runs.settings.RunSettings.SIGMA_MIN;
import static org.flowfield.runs.settings.RunSettings.labelOf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.flowfield.data.DataSet;
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
 *   <li>Each field is checked by its declaration in {@link RunSettingsSchema}: its kind, its
 *       bounds and its label, with which every message about it begins. A field the family uses
 *       ({@link RunSettings#fieldsFor(ModelFamily)}) is required: empty
 *       gives "Epochs is required". Fields the family does not use are neither required nor
 *       checked, whatever they hold, since a form keeps them hidden and the run does not use them
 *       ({@link RunSettingsMapper} ignores them too). Without a family only the fields every family
 *       uses are checked.</li>
 *   <li>Every message repeats what was typed. Whole numbers must lie within their bounds:
 *       "Training points must be between 500 and 1,000,000, not 10"; text that is no whole number gives
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
        ModelFamily family = settings.getFamily();
        Map<String, Object> valid = new HashMap<>();
        for (RunSetting<?> setting : family == null ? RunSettingsSchema.shared() : RunSettingsSchema.usedBy(family)) {
            Object value = check(settings, setting, referenceNames, errors);
            if (value != null) {
                valid.put(setting.field(), value);
            }
        }
        Integer points = (Integer) valid.get(POINTS);
        Integer epochs = (Integer) valid.get(EPOCHS);
        Integer batch = (Integer) valid.get(BATCH_SIZE);
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
            Integer couplingLayers = (Integer) valid.get(COUPLING_LAYERS);
            Integer width = (Integer) valid.get(NF_HIDDEN_WIDTH);
            Integer linears = (Integer) valid.get(NF_LINEAR_LAYERS);
            boolean architecture = couplingLayers != null && width != null && linears != null;
            weights = architecture ? RunCost.couplingFlowWeights(couplingLayers, width, linears) : null;
            layersPerStep = couplingLayers != null && linears != null
                    ? RunCost.layersPerStep(family, couplingLayers, linears) : null;
        } else {
            Integer width = (Integer) valid.get(FM_HIDDEN_WIDTH);
            Integer linears = (Integer) valid.get(FM_LINEAR_LAYERS);
            Integer embedding = family.conditional() ? (Integer) valid.get(EMBEDDING_DIM) : Integer.valueOf(0);
            optimalTransport = (Boolean) valid.get(MINIBATCH_OPTIMAL_TRANSPORT);
            boolean architecture = width != null && linears != null && embedding != null;
            weights = architecture
                    ? RunCost.vectorFieldWeights(width, linears, family.conditional(), embedding) : null;
            layersPerStep = linears != null ? RunCost.layersPerStep(family, 1, linears) : null;
        }

        // Combined bounds, each once the fields it combines are valid on their own.
        DataSet dataSet = (DataSet) valid.get(RunSettingsSchema.DATA_SET.field());
        boolean builtInData = valid.get(RunSettingsSchema.USER_DATA_SET.field()) == null;
        if (family.conditional() && builtInData && dataSet != null && !dataSet.labelled()) {
            errors.add(new FieldError(RunSettingsSchema.DATA_SET.field(), dataSet.withoutClasses()));
        }
        Double pathSigma = (Double) valid.get(RunSettingsSchema.PATH_SIGMA.field());
        Double sigmaMin = (Double) valid.get(SIGMA_MIN);
        if (pathSigma != null && sigmaMin != null && pathSigma > 0 && sigmaMin > 0) {
            errors.add(new FieldError(RunSettingsSchema.PATH_SIGMA.field(), labelOf(RunSettingsSchema.PATH_SIGMA.field())
                    + " and " + labelOf(SIGMA_MIN) + " are two kinds of path: set one of them to 0"));
        }
        boolean batchFits = true;
        if (points != null && batch != null && batch > points) {
            errors.add(batchExceedsPoints());
            batchFits = false;
        }
        if (batch != null && Boolean.TRUE.equals(optimalTransport) && batch > RunLimits.MAX_OPTIMAL_TRANSPORT_BATCH_SIZE) {
            errors.add(new FieldError(BATCH_SIZE, labelOf(BATCH_SIZE) + " must be at most "
                    + whole(RunLimits.MAX_OPTIMAL_TRANSPORT_BATCH_SIZE) + " with " + labelOf(MINIBATCH_OPTIMAL_TRANSPORT).toLowerCase(Locale.ROOT)));
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

    /**
     * The value of one setting when it is present and within its declared bounds; otherwise adds
     * its error, which repeats what was typed, and returns null.
     */
    private static Object check(RunSettings settings, RunSetting<?> setting, Collection<String> referenceNames,
            List<FieldError> errors) {
        String field = setting.field();
        if (setting.optional() && setting.get(settings) == null && !settings.unreadable().containsKey(field)) {
            return null;
        }
        return switch (setting.kind()) {
            case TEXT -> checkName(settings.getName(), setting, referenceNames, errors);
            case FAMILY, CHOICE, FLAG -> {
                Object value = setting.get(settings);
                if (value == null) {
                    errors.add(required(field));
                }
                yield value;
            }
            case WHOLE, LONG -> wholeNumber(settings, setting, errors);
            case DECIMAL -> decimal(settings, setting, errors);
        };
    }

    private static String checkName(String name, RunSetting<?> setting, Collection<String> referenceNames, List<FieldError> errors) {
        String label = setting.label();
        var problem = DisplayNames.problem(label, name, setting.max().value().intValue());
        if (problem.isPresent()) {
            errors.add(new FieldError(setting.field(), problem.get()));
            return null;
        }
        String typed = DisplayNames.comparable(name);
        var copied = referenceNames.stream().filter(reference -> DisplayNames.comparable(reference).equals(typed)).findFirst();
        copied.ifPresent(reference -> errors.add(new FieldError(setting.field(), label
                + " must differ from the reference run \u201c" + reference + "\u201d, so that nobody takes your run for it")));
        return copied.isPresent() ? null : name;
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
     * The value if present and within its bounds; otherwise adds the error, which repeats what was
     * typed, and returns null. A setting whose greatest value is the largest {@code long} (the
     * seed) is worded by its least value only.
     */
    private static Number wholeNumber(RunSettings settings, RunSetting<?> setting, List<FieldError> errors) {
        String field = setting.field();
        String label = setting.label();
        long min = setting.min().value().longValue();
        long max = setting.max().value().longValue();
        boolean unbounded = max == Long.MAX_VALUE;
        String range = label + " must be between " + whole(min) + " and " + whole(max);
        String below = unbounded ? label + " must be " + whole(min) + " or more" : range;
        String above = unbounded ? label + " must be at most " + whole(max) : range;
        String typed = settings.unreadable().get(field);
        if (typed != null) {
            String message;
            if (!SettingText.isWholeNumber(typed)) {
                message = label + " must be a whole number; " + TypedText.quoted(typed) + " is not one";
            } else {
                message = (typed.strip().startsWith("-") ? below : above) + ", not " + TypedText.excerpt(typed.strip());
            }
            errors.add(new FieldError(field, message));
            return null;
        }
        Number value = (Number) setting.get(settings);
        if (value == null) {
            errors.add(required(field));
            return null;
        }
        if (value.longValue() < min || value.longValue() > max) {
            errors.add(new FieldError(field, (value.longValue() < min ? below : above) + ", not " + whole(value.longValue())));
            return null;
        }
        return value;
    }

    /**
     * The value if present, finite and within its bounds; otherwise adds the error, which repeats
     * what was typed, and returns null.
     */
    private static Double decimal(RunSettings settings, RunSetting<?> setting, List<FieldError> errors) {
        String field = setting.field();
        double min = setting.min().value().doubleValue();
        double max = setting.max().value().doubleValue();
        Double value = (Double) setting.get(settings);
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
