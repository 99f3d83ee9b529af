package org.flowfield.runs.settings;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;

/**
 * The one declaration of a run setting, read by every layer that handles settings: its property
 * name, label and unit, what kind of value it holds, its bounds with the reason of each, the
 * families that use it, where it lives in a {@link RunSettings} bean and under which key of
 * {@link TrainingConfigCodec} it is stored, and how its value is typed, shown and written as JSON.
 * {@link RunSettingsSchema} lists them all; see the package description for how to add one.
 *
 * @param <T> the type of the value: {@link String}, {@link ModelFamily}, an enum, {@link Boolean},
 *     {@link Integer}, {@link Long} or {@link Double}
 */
public final class RunSetting<T> {

    /** What a setting holds, which decides how it is read, checked and shown. */
    public enum Kind {
        /** Free text (the run's name), bounded in length. */
        TEXT,
        /** The model family, typed as its code (nf, fm, cfm). */
        FAMILY,
        /** One of a list of values: an enum's constants typed as their names, or values typed as their codes. */
        CHOICE,
        /** Yes or no, typed as true or false. */
        FLAG,
        /** A whole number of {@code int} range. */
        WHOLE,
        /** A whole number of {@code long} range. */
        LONG,
        /** A finite decimal number. */
        DECIMAL
    }

    /**
     * One end of a setting's range, inclusive.
     *
     * @param value the bound, of the setting's number type (for text, its longest length)
     * @param reason why the bound lies there, in words for the person who meets it
     */
    public record Bound(Number value, String reason) {
        public Bound {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final String field;
    private final String label;
    private final String unit;
    private final Kind kind;
    private final Class<T> type;
    private final Bound min;
    private final Bound max;
    private final Set<ModelFamily> families;
    private final Function<RunSettings, T> getter;
    private final BiConsumer<RunSettings, T> setter;
    private final Map<ModelFamily, String> storedAs;
    private final String option;
    private final Coding<T> coding;
    private final boolean optional;
    private final String openChoiceNone;

    /**
     * How a choice whose values are not an enum's constants, or whose stored and typed names are
     * short codes ("eight-gaussians"), is written and read.
     */
    private record Coding<T>(List<T> values, Function<T, String> code, Function<T, String> title) {}

    private RunSetting(Builder<T> builder) {
        field = Objects.requireNonNull(builder.field, "field");
        label = Objects.requireNonNull(builder.label, "label");
        unit = builder.unit;
        kind = Objects.requireNonNull(builder.kind, "kind");
        type = Objects.requireNonNull(builder.type, "type");
        min = builder.min;
        max = builder.max;
        families = Set.copyOf(builder.families);
        getter = Objects.requireNonNull(builder.getter, "getter");
        setter = Objects.requireNonNull(builder.setter, "setter");
        storedAs = Map.copyOf(builder.storedAs);
        option = builder.option;
        coding = builder.coding;
        optional = builder.optional;
        openChoiceNone = builder.openChoiceNone;
    }

    /**
     * Whether the choices are not listed here but differ per user (the caller's own data sets): any
     * typed text is a candidate, which the service checks when the run is queued.
     */
    public boolean openChoice() {
        return openChoiceNone != null;
    }

    /**
     * Whether the setting may be left empty, meaning the exercise's value: true for settings added
     * after the exercise's, so that requests and forms that predate them keep working.
     */
    public boolean optional() {
        return optional;
    }

    /** The property name: of the {@link RunSettings} bean, of the API's JSON, of a {@link FieldError}. */
    public String field() {
        return field;
    }

    /** What the form, the comparison and every message call the setting, e.g. "Training points". */
    public String label() {
        return label;
    }

    /** What a number of this setting counts, e.g. "points"; null when it counts nothing nameable. */
    public String unit() {
        return unit;
    }

    public Kind kind() {
        return kind;
    }

    public Class<T> type() {
        return type;
    }

    /** The least value (for text, null), or null when the kind has none. */
    public Bound min() {
        return min;
    }

    /** The greatest value (for text, the longest length), or null when the kind has none. */
    public Bound max() {
        return max;
    }

    /** The families whose runs use this setting. */
    public Set<ModelFamily> families() {
        return families;
    }

    /** Whether runs of {@code family} use this setting. */
    public boolean usedBy(ModelFamily family) {
        return families.contains(family);
    }

    /** Whether every family uses this setting. */
    public boolean shared() {
        return families.size() == ModelFamily.values().length;
    }

    /** The command-line option of {@code flowfield train}, e.g. "--batch-size"; null when it has none. */
    public String option() {
        return option;
    }

    /** Whether the setting is part of a {@link TrainingConfig} (the name is not: it is a column of its own). */
    public boolean stored() {
        return !storedAs.isEmpty();
    }

    /**
     * The key of {@link TrainingConfigCodec} under which a run of {@code family} stores this setting.
     * A configuration holds both architectures, so a setting the family does not use has a key too:
     * where the unused architecture is kept.
     *
     * @throws IllegalStateException for a setting that is not {@linkplain #stored() stored}
     */
    public String storedKey(ModelFamily family) {
        String key = storedAs.get(family);
        if (key == null) {
            throw new IllegalStateException(field + " is not stored in a training configuration");
        }
        return key;
    }

    /** The value in a bean; null when empty. */
    public T get(RunSettings settings) {
        return getter.apply(settings);
    }

    /**
     * Sets the value in a bean; null empties it.
     *
     * @throws IllegalArgumentException for a value of another type
     */
    public void set(RunSettings settings, Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("'" + field + "' cannot hold " + value.getClass().getSimpleName());
        }
        setter.accept(settings, type.cast(value));
    }

    /** The value in a configuration (see {@link #storedKey}). */
    public T valueIn(TrainingConfig config) {
        return fromStored(TrainingConfigCodec.encode(config).get(storedKey(config.family())));
    }

    /** The value as {@link TrainingConfigCodec} stores it, exact for every number; -0.0 is stored as 0.0. */
    public String toStored(T value) {
        if (openChoiceNone != null && value == null) {
            return openChoiceNone;
        }
        if (coding != null && value != null) {
            return coding.code().apply(value);
        }
        return switch ((Object) value) {
            case ModelFamily family -> family.code();
            case Enum<?> choice -> choice.name();
            case Double decimal -> Double.toString(decimal + 0.0);
            default -> value.toString();
        };
    }

    /** The value {@link #toStored} wrote. */
    public T fromStored(String text) {
        Object value = switch (kind) {
            case TEXT -> text;
            case FAMILY -> ModelFamily.ofCode(text);
            case CHOICE -> choice(text.strip());
            case FLAG -> Boolean.parseBoolean(text);
            case WHOLE -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case DECIMAL -> Double.parseDouble(text);
        };
        return type.cast(value);
    }

    /**
     * The value of typed text, by the rules of {@link SettingText} for numbers; a family by its code
     * or name, a choice by its name, a flag as true or false (case aside). Null when the text is
     * empty or no value of this setting.
     */
    public T read(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty() && kind != Kind.TEXT) {
            return null;
        }
        Object value = switch (kind) {
            case TEXT -> text;
            case FAMILY -> family(typed);
            case CHOICE -> choice(typed);
            case FLAG -> typed.equalsIgnoreCase("true") ? Boolean.TRUE : typed.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case WHOLE, LONG, DECIMAL -> SettingText.number(kind, typed);
        };
        return type.cast(value);
    }

    /** The value as it is typed back into a form or a command line: the inverse of {@link #read}. */
    public String typed(T value) {
        if (coding != null && value != null) {
            return coding.code().apply(value);
        }
        return switch ((Object) value) {
            case null -> "";
            case ModelFamily family -> family.code();
            case Enum<?> choice -> choice.name();
            case Number number -> SettingText.typed(number);
            default -> value.toString();
        };
    }

    /** The value for a person: 250,000; 0.001; yes; Normalizing flow; Cosine annealing over the epochs. */
    public String shown(T value) {
        if (openChoiceNone != null && value == null) {
            return openChoiceNone;
        }
        if (coding != null && value != null) {
            return coding.title().apply(value);
        }
        return switch ((Object) value) {
            case null -> "";
            case ModelFamily family -> family.title();
            case Enum<?> choice -> RunSettingsSchema.choiceLabel(choice);
            case Boolean flag -> flag ? "yes" : "no";
            case Integer whole -> String.format(Locale.ROOT, "%,d", whole);
            case Double decimal -> BigDecimal.valueOf(decimal).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }

    /** The value in a short summary of a run: "250,000 points", "learning rate 0.001". */
    public String summarized(T value) {
        if (unit != null) {
            return shown(value) + " " + unit;
        }
        String firstWord = label.split(" ", 2)[0];
        boolean name = firstWord.substring(1).chars().anyMatch(Character::isUpperCase); // LeakyReLU stays as it is
        return (name ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1)) + " " + shown(value);
    }

    /** The value in the API's JSON: numbers and flags as such, a family by its code, a choice by its name. */
    public Object json(T value) {
        if (coding != null && value != null) {
            return coding.code().apply(value);
        }
        return switch ((Object) value) {
            case ModelFamily family -> family.code();
            case Enum<?> choice -> choice.name();
            case null, default -> value;
        };
    }

    /** The values a choice may take, in their order; empty for other kinds. */
    public List<T> choices() {
        if (coding != null) {
            return coding.values();
        }
        return type.isEnum() ? List.of(type.getEnumConstants()) : List.of();
    }

    /** The range as a form's helper text shows it: "500 to 1,000,000 points"; empty without bounds. */
    public String range() {
        if (min == null || max == null || kind == Kind.TEXT) {
            return "";
        }
        String range = kind == Kind.DECIMAL
                ? RunSettingsValidator.decimal(min.value().doubleValue()) + " to " + RunSettingsValidator.decimal(max.value().doubleValue())
                : max.value().longValue() == Long.MAX_VALUE
                        ? "A whole number, " + RunSettingsValidator.whole(min.value().longValue()) + " or more"
                        : RunSettingsValidator.whole(min.value().longValue()) + " to " + RunSettingsValidator.whole(max.value().longValue());
        return unit == null ? range : range + " " + unit;
    }

    /** Why the bounds lie where they do: "At least 500: 100 per ring still shows the five rings. At most …". */
    public String reasons() {
        if (min == null || max == null || kind == Kind.TEXT) {
            return "";
        }
        return "At least " + shown(type.cast(min.value())) + ": " + min.reason() + ". At most "
                + shown(type.cast(max.value())) + ": " + max.reason() + ".";
    }

    private Object choice(String text) {
        if (openChoiceNone != null) {
            return text.isEmpty() || text.equalsIgnoreCase(openChoiceNone) ? null : text;
        }
        if (coding != null) {
            return coding.values().stream().filter(value -> coding.code().apply(value).equalsIgnoreCase(text))
                    .findFirst().orElse(null);
        }
        for (T constant : choices()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        return null;
    }

    private static ModelFamily family(String text) {
        for (ModelFamily family : ModelFamily.values()) {
            if (family.code().equalsIgnoreCase(text) || family.name().equalsIgnoreCase(text)) {
                return family;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return field;
    }

    static <T> Builder<T> of(String field, Class<T> type, Kind kind, String label) {
        return new Builder<>(field, type, kind, label);
    }

    /** Assembles a declaration; used by {@link RunSettingsSchema} only. */
    static final class Builder<T> {
        private final String field;
        private final Class<T> type;
        private final Kind kind;
        private final String label;
        private String unit;
        private Bound min;
        private Bound max;
        private Set<ModelFamily> families = EnumSet.allOf(ModelFamily.class);
        private Function<RunSettings, T> getter;
        private BiConsumer<RunSettings, T> setter;
        private final Map<ModelFamily, String> storedAs = new java.util.EnumMap<>(ModelFamily.class);
        private String option;
        private Coding<T> coding;
        private boolean optional;
        private String openChoiceNone;

        private Builder(String field, Class<T> type, Kind kind, String label) {
            this.field = field;
            this.type = type;
            this.kind = kind;
            this.label = label;
            this.option = "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }

        Builder<T> unit(String value) {
            unit = value;
            return this;
        }

        Builder<T> min(Number value, String reason) {
            min = new Bound(value, reason);
            return this;
        }

        Builder<T> max(Number value, String reason) {
            max = new Bound(value, reason);
            return this;
        }

        Builder<T> families(ModelFamily first, ModelFamily... rest) {
            families = EnumSet.of(first, rest);
            return this;
        }

        Builder<T> bean(Function<RunSettings, T> get, BiConsumer<RunSettings, T> set) {
            getter = get;
            setter = set;
            return this;
        }

        /** Stored under the same key for every family. */
        Builder<T> storedAs(String key) {
            for (ModelFamily family : ModelFamily.values()) {
                storedAs.put(family, key);
            }
            return this;
        }

        /** Stored under {@code nfKey} for a normalizing flow and {@code fmKey} for either flow matching. */
        Builder<T> storedAs(String nfKey, String fmKey) {
            for (ModelFamily family : ModelFamily.values()) {
                storedAs.put(family, family == ModelFamily.NORMALIZING_FLOW ? nfKey : fmKey);
            }
            return this;
        }

        /** The command-line option, when not "--" and the field in kebab case; null for none. */
        Builder<T> option(String value) {
            option = value;
            return this;
        }

        /** A choice among {@code values}, stored, typed and sent as JSON by {@code code}, shown by {@code title}. */
        Builder<T> coded(List<T> values, Function<T, String> code, Function<T, String> title) {
            coding = new Coding<>(List.copyOf(values), code, title);
            return this;
        }

        /** Empty means the exercise's value (see {@link RunSetting#optional()}). */
        Builder<T> optional() {
            optional = true;
            return this;
        }

        /**
         * A choice among values that differ per user, stored and typed as text, {@code none} (as
         * stored) meaning no choice (see {@link RunSetting#openChoice()}).
         */
        Builder<T> openChoice(String none) {
            openChoiceNone = none;
            return this;
        }

        /** A setting declared without {@link #bean} is kept in the bean under its field name. */
        RunSetting<T> build() {
            if (getter == null && setter == null) {
                getter = settings -> type.cast(settings.declaredValue(field));
                setter = (settings, value) -> settings.setDeclaredValue(field, value);
            }
            return new RunSetting<>(this);
        }
    }
}
