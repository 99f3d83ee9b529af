package org.flowfield.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.TrainingConfig;

/**
 * The options of {@code train}: {@code --model nf|fm|cfm} (required), {@code --out DIR}, and one
 * option per run setting that has one ({@link RunSetting#option()}: {@code --points},
 * {@code --batch-size}, {@code --minibatch-optimal-transport true}, …), each defaulting to the
 * exercise's recipe. Values are typed as in the run form. Each setting keeps its declared bounds,
 * except the points and the epochs, which only cost time on one's own computer and so have the
 * wider bounds below.
 *
 * @param config the run to train (reporting every {@value TrainingConfig#DEFAULT_REPORT_EVERY} steps)
 * @param out --out DIR, where the checkpoint and the result are written (or null)
 */
record TrainArguments(TrainingConfig config, Path out) {

    static final int MAX_EPOCHS = 1_000;
    static final int MIN_POINTS = 5;
    static final int MAX_POINTS = 10_000_000;

    /** A whole number as the run form takes it: digits, optionally grouped by commas (250,000). */
    private static final String WHOLE_NUMBER = "[+-]?(\\d{1,3}(,\\d{3})+|\\d+)";

    static final String USAGE = "usage: train --model nf|fm|cfm [--epochs E] [--points N] [--seed S] [--out DIR]"
            + RunSettingsSchema.ALL.stream()
                    .filter(setting -> setting.option() != null && setting != RunSettingsSchema.FAMILY)
                    .filter(setting -> setting != RunSettingsSchema.EPOCHS && setting != RunSettingsSchema.POINTS
                            && setting != RunSettingsSchema.SEED)
                    .map(setting -> " [" + setting.option() + " " + placeholder(setting) + "]")
                    .collect(Collectors.joining());

    /** Parses the arguments after {@code train}; throws {@link IllegalArgumentException} with a message for the user. */
    static TrainArguments parse(String[] args) {
        ModelFamily family = null;
        Path out = null;
        Map<RunSetting<?>, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            if (option.equals("--out")) {
                out = Path.of(value);
                continue;
            }
            RunSetting<?> setting = RunSettingsSchema.ALL.stream().filter(each -> option.equals(each.option())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown option '" + option + "'"));
            if (setting == RunSettingsSchema.FAMILY) {
                family = ModelFamily.ofCode(value);
            } else {
                values.put(setting, value(setting, value));
            }
        }
        if (family == null) {
            throw new IllegalArgumentException("--model is required (nf, fm or cfm)");
        }
        for (RunSetting<?> setting : values.keySet()) {
            if (!setting.usedBy(family)) {
                throw new IllegalArgumentException(setting.option() + " is not a setting of " + family.title().toLowerCase(java.util.Locale.ROOT)
                        + " (" + family.code() + ")");
            }
        }
        return new TrainArguments(RunSettingsMapper.withSettings(TrainingConfig.exercise(family, 0), values), out);
    }

    /** The value of one option, within its bounds. */
    private static Object value(RunSetting<?> setting, String text) {
        String option = setting.option();
        Object value = setting.read(text);
        return switch (setting.kind()) {
            case WHOLE, LONG -> {
                BigDecimal number = text.strip().matches(WHOLE_NUMBER) ? number(text.replace(",", "")) : null;
                if (number == null) {
                    throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
                }
                yield bounded(setting, number, text);
            }
            case DECIMAL -> {
                BigDecimal number = value == null ? null : number(text);
                if (number == null) {
                    throw new IllegalArgumentException(option + " must be a finite number, got '" + text + "'");
                }
                yield bounded(setting, number, text);
            }
            default -> {
                if (value == null) {
                    throw new IllegalArgumentException(option + " must be " + placeholder(setting).replace("|", " or ") + ", got '" + text + "'");
                }
                yield value;
            }
        };
    }

    private static Object bounded(RunSetting<?> setting, BigDecimal number, String text) {
        BigDecimal min = bound(setting, true);
        BigDecimal max = bound(setting, false);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting.option() + " must be between " + min.toPlainString() + " and "
                    + max.toPlainString() + ", got " + text.strip());
        }
        return setting.read(text);
    }

    private static BigDecimal bound(RunSetting<?> setting, boolean lower) {
        if (setting == RunSettingsSchema.EPOCHS) {
            return BigDecimal.valueOf(lower ? 1 : MAX_EPOCHS);
        }
        if (setting == RunSettingsSchema.POINTS) {
            return BigDecimal.valueOf(lower ? MIN_POINTS : MAX_POINTS);
        }
        Number bound = (lower ? setting.min() : setting.max()).value();
        return bound instanceof Double decimal ? BigDecimal.valueOf(decimal).stripTrailingZeros() : BigDecimal.valueOf(bound.longValue());
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> String choices(RunSetting<T> setting) {
        return setting.choices().stream().map(setting::typed).collect(Collectors.joining("|"));
    }

    private static String placeholder(RunSetting<?> setting) {
        return switch (setting.kind()) {
            case FLAG -> "true|false";
            case CHOICE, FAMILY -> choices(setting);
            case DECIMAL -> "X";
            default -> "N";
        };
    }
}
