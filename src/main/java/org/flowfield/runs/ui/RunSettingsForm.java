package org.flowfield.runs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.runs.settings.RunSettingsValidator;
import org.flowfield.runs.settings.SettingText;
import org.flowfield.training.SettingWarnings;

/**
 * Every setting of a run, pre-filled from a preset, checked against the same bounds and messages
 * as the service ({@link RunSettingsValidator}). It calls no service: a valid submission fires a
 * {@link SubmitEvent} with the settings.
 *
 * <p>The numbers are plain text fields read on the server by {@link SettingText}: whatever
 * arrives from the browser, typed or forced into the element, is either a number of the field's
 * kind or named in the field's message, never replaced by a default.
 */
public class RunSettingsForm extends FormLayout {

    /** Each setting's component has the id {@code run-setting-<field>}, e.g. {@code run-setting-seed}. */
    public static final String ID_PREFIX = "run-setting-";

    private final Map<RunSetting<?>, Component> fields = new LinkedHashMap<>();
    /** The names of the choices of open choices (the caller's own data sets), by the id that is their value. */
    private final Map<String, String> openChoiceNames = new LinkedHashMap<>();
    final Select<ModelFamily> family;
    final Select<RunPreset> preset = new Select<>();
    final Button queue = new Button("Queue the run");
    /** What the settings risk without being wrong (e.g. optimal transport across classes), from the service layer. */
    final Span warnings = new Span();

    @SuppressWarnings("unchecked")
    public RunSettingsForm() {
        RunSettingsSchema.ALL.forEach(setting -> {
            Component component = component(setting, openChoiceNames);
            component.setId(ID_PREFIX + setting.field());
            fields.put(setting, component);
        });
        family = (Select<ModelFamily>) fields.get(RunSettingsSchema.FAMILY);
        preset.setLabel("Preset");
        preset.setItems(RunPreset.values());
        preset.setItemLabelGenerator(RunPreset::displayName);
        add(family, preset);
        fields.values().stream().filter(field -> field != family).forEach(this::add);
        warnings.setId("run-setting-warnings");
        warnings.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)");
        add(warnings);
        fields.values().stream().filter(HasValue.class::isInstance)
                .forEach(field -> ((HasValue<?, ?>) field).addValueChangeListener(change -> showWarnings()));
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        queue.addClickListener(click -> submit());
        add(queue);
        family.addValueChangeListener(change -> showFieldsOf(change.getValue()));
        preset.addValueChangeListener(change -> {
            if (change.getValue() != null && family.getValue() != null) {
                write(keepingTypedName(change.getValue().settings(family.getValue())));
            }
        });
        family.setValue(ModelFamily.NORMALIZING_FLOW);
        preset.setValue(RunPreset.EXERCISE_DEFAULTS);
    }

    /**
     * Offers the caller's own data sets (id to name, in the order to list them) in the choice of
     * {@link RunSettingsSchema#USER_DATA_SET}; empty stays the built-in data set.
     */
    @SuppressWarnings("unchecked")
    public void offerOwnDataSets(Map<String, String> namesById) {
        openChoiceNames.clear();
        openChoiceNames.putAll(namesById);
        Select<String> select = (Select<String>) fields.get(RunSettingsSchema.USER_DATA_SET);
        String chosen = select.getValue();
        select.setItems(List.copyOf(namesById.keySet()));
        select.setValue(chosen != null && namesById.containsKey(chosen) ? chosen : null);
    }

    /** The text field of a setting typed as text (the name and the numbers). */
    TextField text(RunSetting<?> setting) {
        return (TextField) fields.get(setting);
    }

    /** Shows only the settings the family uses. */
    private void showFieldsOf(ModelFamily chosen) {
        fields.forEach((setting, component) -> component.setVisible(
                setting == RunSettingsSchema.FAMILY || chosen != null && setting.usedBy(chosen)));
        if (chosen != null && preset.getValue() != null) {
            write(keepingTypedName(preset.getValue().settings(chosen)));
        }
    }

    /** A preset's settings, with the name the user typed if there is one (a generated name is replaced). */
    private RunSettings keepingTypedName(RunSettings presetSettings) {
        String typed = text(RunSettingsSchema.NAME).getValue();
        boolean generated = typed == null || typed.isBlank() || java.util.Arrays.stream(RunPreset.values())
                .flatMap(each -> java.util.Arrays.stream(ModelFamily.values()).map(f -> each.settings(f).getName()))
                .anyMatch(typed::equals);
        if (!generated) {
            presetSettings.setName(typed);
        }
        return presetSettings;
    }

    /** Fills the form with these settings, family included (a fork's, for one). */
    public void load(RunSettings settings) {
        family.setValue(settings.getFamily());
        write(settings);
    }

    /** Fills every field but the family with these settings. */
    @SuppressWarnings("unchecked")
    void write(RunSettings settings) {
        fields.forEach((setting, component) -> {
            Object value = setting.get(settings);
            switch (component) {
                case TextField text -> text.setValue(((RunSetting<Object>) setting).typed(value));
                case Checkbox box -> box.setValue(Boolean.TRUE.equals(value));
                case Select<?> select when setting.openChoice() -> {
                    // a fork of someone else's run keeps their choice, shown as theirs, so that the service can say why it is refused
                    java.util.List<String> items = new java.util.ArrayList<>(openChoiceNames.keySet());
                    if (value != null && !items.contains(value)) {
                        items.add((String) value);
                    }
                    ((Select<String>) select).setItems(items);
                    ((Select<String>) select).setValue((String) value);
                }
                case Select<?> select when setting != RunSettingsSchema.FAMILY -> ((Select<Object>) select).setValue(value);
                default -> { }
            }
        });
    }

    /**
     * The settings as entered: an empty entry is missing (null), an unreadable number is kept as
     * the field's unreadable text ({@link SettingText}).
     */
    RunSettings read() {
        RunSettings settings = new RunSettings();
        fields.forEach((setting, component) -> {
            switch (component) {
                case TextField text when SettingText.numeric(setting) -> SettingText.enter(settings, setting.field(), text.getValue());
                case TextField text -> setting.set(settings, text.getValue());
                case Checkbox box -> setting.set(settings, box.getValue());
                case Select<?> select -> setting.set(settings, select.getValue());
                default -> throw new IllegalStateException("no value is read from " + component);
            }
        });
        return settings;
    }

    /** Puts each message next to its field (and clears the others); true when there were none. */
    public boolean show(List<FieldError> errors) {
        fields.values().forEach(component -> {
            if (component instanceof HasValidation field) {
                field.setInvalid(false);
            }
        });
        for (Map.Entry<String, List<String>> entry : FieldError.byField(errors).entrySet()) {
            if (RunSettingsSchema.isSetting(entry.getKey())
                    && fields.get(RunSettingsSchema.of(entry.getKey())) instanceof HasValidation field) {
                field.setErrorMessage(String.join("; ", entry.getValue()));
                field.setInvalid(true);
            }
        }
        return errors.isEmpty();
    }

    /** Shows what valid settings risk (training.SettingWarnings); nothing while they are invalid. */
    private void showWarnings() {
        RunSettings settings = read();
        List<String> risks = List.of();
        if (RunSettingsValidator.validate(settings).isEmpty()) {
            try {
                risks = SettingWarnings.of(RunSettingsMapper.toTrainingConfig(settings));
            } catch (RuntimeException notMappable) {
                risks = List.of();
            }
        }
        warnings.setText(String.join(" ", risks));
        warnings.setVisible(!risks.isEmpty());
    }

    private void submit() {
        RunSettings settings = read();
        if (show(RunSettingsValidator.validate(settings))) {
            fireEvent(new SubmitEvent(this, settings));
        }
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** Valid settings to queue. */
    public static class SubmitEvent extends ComponentEvent<RunSettingsForm> {
        private final RunSettings settings;

        SubmitEvent(RunSettingsForm source, RunSettings settings) {
            super(source, false);
            this.settings = settings;
        }

        public RunSettings settings() {
            return settings;
        }
    }

    /** The component that edits a setting, by its kind: a text field, a choice or a check box. */
    private static <T> Component component(RunSetting<T> setting, Map<String, String> openChoiceNames) {
        if (setting.openChoice()) {
            Select<String> select = new Select<>();
            select.setLabel(setting.label());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("None: learn the built-in data set");
            select.setItemLabelGenerator(id -> id == null ? "None: learn the built-in data set"
                    : openChoiceNames.getOrDefault(id, "A data set of someone else's"));
            return select;
        }
        return switch (setting.kind()) {
            case TEXT -> {
                TextField field = new TextField(setting.label());
                field.setMaxLength(setting.max().value().intValue());
                yield field;
            }
            case FAMILY, CHOICE -> {
                Select<T> select = new Select<>();
                select.setLabel(setting.label());
                select.setItems(setting.choices());
                select.setItemLabelGenerator(setting::shown);
                yield select;
            }
            case FLAG -> new Checkbox(setting.label());
            case WHOLE, LONG, DECIMAL -> {
                TextField field = new TextField(setting.label());
                field.getElement().setAttribute("inputmode", setting.kind() == RunSetting.Kind.DECIMAL ? "decimal" : "numeric");
                field.setHelperText(setting.range());
                field.setTooltipText(setting.reasons());
                yield field;
            }
        };
    }
}
