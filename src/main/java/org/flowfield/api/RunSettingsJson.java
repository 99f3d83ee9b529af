package org.flowfield.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.runs.settings.RunSettingsValidator;
import org.flowfield.runs.settings.SettingText;
import tools.jackson.databind.JsonNode;

/**
 * A run's settings as the API's JSON: an object with the run form's fields under their property
 * names ({@link RunSettings#ALL_FIELDS}), plus an optional {@value #PRESET}. The preset (by
 * default the exercise's defaults) of the given family fills every field the request leaves out,
 * as the form starts from a preset; the family is {@code nf}, {@code fm} or {@code cfm} (or its
 * enum name). A value of the wrong type, an unknown field or an unknown preset is reported per
 * field, together with whatever the validator finds wrong with the other fields.
 */
final class RunSettingsJson {

    /** The preset the request starts from: EXERCISE_DEFAULTS, QUICK or SMOKE. */
    static final String PRESET = "preset";

    private RunSettingsJson() {}

    /**
     * The settings a request asks for, not yet validated as a whole (the run service does that).
     *
     * @throws InvalidRunSettingsException listing every field of the wrong type or unknown, and
     *     every problem the validator finds with the others, in the order of the form
     * @throws InvalidRequestException when the body is not a JSON object
     */
    static RunSettings read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object of run settings");
        }
        List<FieldError> errors = new ArrayList<>();
        ModelFamily family = body.has(RunSettings.FAMILY) ? family(body.get(RunSettings.FAMILY), errors) : null;
        if (!body.has(RunSettings.FAMILY)) {
            errors.add(new FieldError(RunSettings.FAMILY, RunSettings.labelOf(RunSettings.FAMILY) + " is required: nf, fm or cfm"));
        }
        RunPreset preset = body.has(PRESET) ? preset(body.get(PRESET), errors) : RunPreset.EXERCISE_DEFAULTS;
        RunSettings settings = (preset == null ? RunPreset.EXERCISE_DEFAULTS : preset)
                .settings(family == null ? ModelFamily.NORMALIZING_FLOW : family);
        settings.setFamily(family);
        for (String field : body.propertyNames()) {
            if (!field.equals(RunSettings.FAMILY) && !field.equals(PRESET)) {
                set(settings, field, body.get(field), errors);
            }
        }
        if (errors.isEmpty()) {
            return settings;
        }
        Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        RunSettingsValidator.validate(settings).stream().filter(error -> !reported.contains(error.field())).forEach(errors::add);
        List<String> order = new ArrayList<>(List.of(PRESET));
        order.addAll(RunSettings.ALL_FIELDS);
        errors.sort(Comparator.comparingInt(error -> order.contains(error.field()) ? order.indexOf(error.field()) : order.size()));
        throw new InvalidRunSettingsException(errors);
    }

    /** A run's settings as JSON: the fields its family uses, in the order of the form. */
    static Map<String, Object> write(RunSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (RunSetting<?> setting : RunSettingsSchema.usedBy(settings.getFamily())) {
            json.put(setting.field(), value(setting, settings));
        }
        return json;
    }

    private static <T> Object value(RunSetting<T> setting, RunSettings settings) {
        return setting.json(setting.get(settings));
    }

    private static ModelFamily family(JsonNode value, List<FieldError> errors) {
        ModelFamily family = value.isString() ? RunSettingsSchema.FAMILY.read(value.stringValue()) : null;
        if (family == null) {
            errors.add(new FieldError(RunSettings.FAMILY, RunSettings.labelOf(RunSettings.FAMILY) + " must be one of nf, fm or cfm"));
        }
        return family;
    }

    private static RunPreset preset(JsonNode value, List<FieldError> errors) {
        String text = value.isString() ? value.stringValue().strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_') : "";
        for (RunPreset preset : RunPreset.values()) {
            if (preset.name().equals(text)) {
                return preset;
            }
        }
        errors.add(new FieldError(PRESET, "Preset must be one of " + names(RunPreset.values())));
        return null;
    }

    private static void set(RunSettings settings, String field, JsonNode value, List<FieldError> errors) {
        if (!RunSettingsSchema.isSetting(field)) {
            errors.add(new FieldError(field, "'" + field + "' is not a run setting; the settings are " + String.join(", ", RunSettings.ALL_FIELDS)));
            return;
        }
        RunSetting<?> setting = RunSettingsSchema.of(field);
        String label = setting.label();
        if (value.isNull()) {
            setting.set(settings, null);
            return;
        }
        switch (setting.kind()) {
            case TEXT -> {
                if (value.isString()) {
                    setting.set(settings, value.stringValue());
                } else {
                    errors.add(new FieldError(field, label + " must be text"));
                }
            }
            // a number, or a number written as text, is read as the form reads what is typed, so
            // that the validator's messages are the form's, word for word
            case WHOLE, LONG, DECIMAL -> {
                if (value.isNumber() || value.isString()) {
                    SettingText.enter(settings, field, value.isString() ? value.stringValue() : value.asString());
                } else {
                    errors.add(new FieldError(field, label + " must be a number, not " + value.getNodeType().name().toLowerCase(Locale.ROOT)));
                }
            }
            case FLAG -> {
                if (value.isBoolean()) {
                    setting.set(settings, value.booleanValue());
                } else {
                    errors.add(new FieldError(field, label + " must be true or false"));
                }
            }
            case CHOICE, FAMILY -> {
                Object choice = value.isString() ? setting.read(value.stringValue()) : null;
                if (choice != null) {
                    setting.set(settings, choice);
                } else {
                    errors.add(new FieldError(field, label + " must be one of "
                            + setting.choices().stream().map(RunSettingsJson::typedChoice).collect(Collectors.joining(", "))));
                }
            }
        }
    }

    private static String typedChoice(Object choice) {
        return choice instanceof Enum<?> constant ? constant.name() : choice.toString();
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
