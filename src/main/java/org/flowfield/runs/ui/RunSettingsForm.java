package org.flowfield.runs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.RunLimits;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsValidator;
import org.flowfield.runs.settings.SettingText;
import org.flowfield.training.LearningRateSchedule;

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

    final Select<ModelFamily> family = new Select<>();
    final Select<RunPreset> preset = new Select<>();
    final TextField name = new TextField("Name");
    final TextField points = integer("Training points", RunLimits.MIN_POINTS, RunLimits.MAX_POINTS);
    final TextField epochs = integer("Epochs", RunLimits.MIN_EPOCHS, RunLimits.MAX_EPOCHS);
    final TextField batchSize = integer("Batch size", RunLimits.MIN_BATCH_SIZE, RunLimits.MAX_BATCH_SIZE);
    final TextField learningRate = number("Learning rate", RunLimits.MIN_LEARNING_RATE, RunLimits.MAX_LEARNING_RATE);
    final Select<LearningRateSchedule> schedule = new Select<>();
    final TextField seed = integer("Seed", RunLimits.MIN_SEED, RunLimits.MAX_SEED);
    final TextField couplingLayers = integer("Coupling layers", RunLimits.MIN_COUPLING_LAYERS, RunLimits.MAX_COUPLING_LAYERS);
    final TextField nfHiddenWidth = integer("Width of each coupling network", RunLimits.MIN_NF_HIDDEN_WIDTH, RunLimits.MAX_NF_HIDDEN_WIDTH);
    final TextField nfLinearLayers = integer("Linear layers per coupling network", RunLimits.MIN_NF_LINEAR_LAYERS, RunLimits.MAX_NF_LINEAR_LAYERS);
    final TextField fmHiddenWidth = integer("Width of the vector field", RunLimits.MIN_FM_HIDDEN_WIDTH, RunLimits.MAX_FM_HIDDEN_WIDTH);
    final TextField fmLinearLayers = integer("Linear layers of the vector field", RunLimits.MIN_FM_LINEAR_LAYERS, RunLimits.MAX_FM_LINEAR_LAYERS);
    final TextField embeddingDim = integer("Class embedding size", RunLimits.MIN_EMBEDDING_DIM, RunLimits.MAX_EMBEDDING_DIM);
    final TextField sigmaMin = number("σ_min of the probability path", RunLimits.MIN_SIGMA_MIN, RunLimits.MAX_SIGMA_MIN);
    final Checkbox minibatchOptimalTransport = new Checkbox("Pair noise and data by minibatch optimal transport");
    final TextField leakySlope = number("LeakyReLU slope", RunLimits.MIN_LEAKY_SLOPE, RunLimits.MAX_LEAKY_SLOPE);
    final Button queue = new Button("Queue the run");

    /** Each setting's component has the id {@code run-setting-<field>}, e.g. {@code run-setting-seed}. */
    public static final String ID_PREFIX = "run-setting-";

    private final Map<String, Component> fields = new LinkedHashMap<>();

    public RunSettingsForm() {
        family.setLabel("Model");
        family.setItems(ModelFamily.values());
        family.setItemLabelGenerator(ModelFamily::title);
        preset.setLabel("Preset");
        preset.setItems(RunPreset.values());
        preset.setItemLabelGenerator(RunPreset::displayName);
        schedule.setLabel("Learning-rate schedule");
        schedule.setItems(LearningRateSchedule.values());
        schedule.setItemLabelGenerator(s -> s == LearningRateSchedule.COSINE ? "Cosine annealing over the epochs" : "Constant");
        name.setMaxLength(RunLimits.MAX_NAME_LENGTH);
        seed.setHelperText("A whole number, " + RunLimits.MIN_SEED + " or more");
        fields.put(RunSettings.NAME, name);
        fields.put(RunSettings.FAMILY, family);
        fields.put(RunSettings.POINTS, points);
        fields.put(RunSettings.EPOCHS, epochs);
        fields.put(RunSettings.BATCH_SIZE, batchSize);
        fields.put(RunSettings.LEARNING_RATE, learningRate);
        fields.put(RunSettings.SCHEDULE, schedule);
        fields.put(RunSettings.SEED, seed);
        fields.put(RunSettings.COUPLING_LAYERS, couplingLayers);
        fields.put(RunSettings.NF_HIDDEN_WIDTH, nfHiddenWidth);
        fields.put(RunSettings.NF_LINEAR_LAYERS, nfLinearLayers);
        fields.put(RunSettings.FM_HIDDEN_WIDTH, fmHiddenWidth);
        fields.put(RunSettings.FM_LINEAR_LAYERS, fmLinearLayers);
        fields.put(RunSettings.EMBEDDING_DIM, embeddingDim);
        fields.put(RunSettings.SIGMA_MIN, sigmaMin);
        fields.put(RunSettings.MINIBATCH_OPTIMAL_TRANSPORT, minibatchOptimalTransport);
        fields.put(RunSettings.LEAKY_SLOPE, leakySlope);
        fields.forEach((field, component) -> component.setId(ID_PREFIX + field));
        add(family, preset);
        fields.values().stream().filter(field -> field != family).forEach(this::add);
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

    /** Shows only the settings the family uses. */
    private void showFieldsOf(ModelFamily chosen) {
        List<String> used = chosen == null ? List.of() : RunSettings.fieldsFor(chosen);
        fields.forEach((field, component) -> component.setVisible(field.equals(RunSettings.FAMILY) || used.contains(field)));
        if (chosen != null && preset.getValue() != null) {
            write(keepingTypedName(preset.getValue().settings(chosen)));
        }
    }

    /** A preset's settings, with the name the user typed if there is one (a generated name is replaced). */
    private RunSettings keepingTypedName(RunSettings presetSettings) {
        String typed = name.getValue();
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

    void write(RunSettings settings) {
        name.setValue(settings.getName() == null ? "" : settings.getName());
        points.setValue(SettingText.typed(settings.getPoints()));
        epochs.setValue(SettingText.typed(settings.getEpochs()));
        batchSize.setValue(SettingText.typed(settings.getBatchSize()));
        learningRate.setValue(SettingText.typed(settings.getLearningRate()));
        schedule.setValue(settings.getSchedule());
        seed.setValue(SettingText.typed(settings.getSeed()));
        couplingLayers.setValue(SettingText.typed(settings.getCouplingLayers()));
        nfHiddenWidth.setValue(SettingText.typed(settings.getNfHiddenWidth()));
        nfLinearLayers.setValue(SettingText.typed(settings.getNfLinearLayers()));
        fmHiddenWidth.setValue(SettingText.typed(settings.getFmHiddenWidth()));
        fmLinearLayers.setValue(SettingText.typed(settings.getFmLinearLayers()));
        embeddingDim.setValue(SettingText.typed(settings.getEmbeddingDim()));
        sigmaMin.setValue(SettingText.typed(settings.getSigmaMin()));
        minibatchOptimalTransport.setValue(Boolean.TRUE.equals(settings.getMinibatchOptimalTransport()));
        leakySlope.setValue(SettingText.typed(settings.getLeakySlope()));
    }

    /**
     * The settings as entered: an empty entry is missing (null), an unreadable one is kept as the
     * field's unreadable text ({@link SettingText}).
     */
    RunSettings read() {
        RunSettings settings = new RunSettings();
        settings.setName(name.getValue());
        settings.setFamily(family.getValue());
        settings.setSchedule(schedule.getValue());
        settings.setMinibatchOptimalTransport(minibatchOptimalTransport.getValue());
        fields.forEach((field, component) -> {
            if (component instanceof TextField text && component != name) {
                SettingText.enter(settings, field, text.getValue());
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
            if (fields.get(entry.getKey()) instanceof HasValidation field) {
                field.setErrorMessage(String.join("; ", entry.getValue()));
                field.setInvalid(true);
            }
        }
        return errors.isEmpty();
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

    private static TextField integer(String label, long min, long max) {
        TextField field = new TextField(label);
        field.getElement().setAttribute("inputmode", "numeric");
        field.setHelperText(String.format(Locale.ROOT, "%,d to %,d", min, max));
        return field;
    }

    private static TextField number(String label, double min, double max) {
        TextField field = new TextField(label);
        field.getElement().setAttribute("inputmode", "decimal");
        field.setHelperText(SettingText.typed(min) + " to " + SettingText.typed(max));
        return field;
    }
}
