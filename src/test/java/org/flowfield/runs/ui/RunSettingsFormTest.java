package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form alone, as plain JUnit: it fires events and calls no service. */
class RunSettingsFormTest {

    RunSettingsForm form;
    final List<RunSettings> submitted = new ArrayList<>();

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
        form = new RunSettingsForm();
        form.addSubmitListener(event -> submitted.add(event.settings()));
        UI.getCurrent().add(form);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void itOpensWithTheExercisesDefaultsForANormalizingFlow() {
        form.queue.click();

        assertThat(submitted).hasSize(1);
        TrainingConfig config = RunSettingsMapper.toTrainingConfig(submitted.get(0));
        assertThat(config).isEqualTo(TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0));
        assertThat(form.text(RunSettingsSchema.COUPLING_LAYERS).isVisible()).isTrue();
        assertThat(form.text(RunSettingsSchema.FM_HIDDEN_WIDTH).isVisible()).isFalse();
        assertThat(form.text(RunSettingsSchema.EMBEDDING_DIM).isVisible()).isFalse();
    }

    @Test
    void optimalTransportAcrossClassesIsWarnedAgainstUntilItPairsWithinClasses() {
        form.family.setValue(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        assertThat(form.warnings.isVisible()).isFalse();

        checkbox(RunSettingsSchema.MINIBATCH_OPTIMAL_TRANSPORT).setValue(true);
        assertThat(form.warnings.isVisible()).isTrue();
        assertThat(form.warnings.getText()).startsWith("Minibatch optimal transport pairs noise with data across classes");

        checkbox(RunSettingsSchema.TRANSPORT_WITHIN_CLASSES).setValue(true);
        assertThat(form.warnings.isVisible()).isFalse();
        form.queue.click();
        assertThat(RunSettingsMapper.toTrainingConfig(submitted.getFirst()).flowMatching().pairsWithinClasses()).isTrue();
    }

    private com.vaadin.flow.component.checkbox.Checkbox checkbox(org.flowfield.runs.settings.RunSetting<?> setting) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(form, com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withId(RunSettingsForm.ID_PREFIX + setting.field()));
    }

    @Test
    void choosingAFamilyShowsItsSettingsWithItsDefaultsAndTheQuickPresetSetsSevenEpochs() {
        form.family.setValue(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        form.preset.setValue(RunPreset.QUICK);

        assertThat(form.text(RunSettingsSchema.COUPLING_LAYERS).isVisible()).isFalse();
        assertThat(form.text(RunSettingsSchema.FM_HIDDEN_WIDTH).isVisible()).isTrue();
        assertThat(form.text(RunSettingsSchema.EMBEDDING_DIM).isVisible()).isTrue();
        assertThat(form.text(RunSettingsSchema.FM_HIDDEN_WIDTH).getValue()).isEqualTo("64");
        assertThat(form.text(RunSettingsSchema.EPOCHS).getValue()).isEqualTo("7");
        form.queue.click();
        assertThat(RunSettingsMapper.toTrainingConfig(submitted.get(0)))
                .isEqualTo(TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 0).withEpochs(7));
    }

    @Test
    void aTypedNameSurvivesChangingFamilyAndPresetWhileGeneratedNamesFollowThem() {
        assertThat(form.text(RunSettingsSchema.NAME).getValue()).isEqualTo("Normalizing flow, exercise defaults");
        form.family.setValue(ModelFamily.FLOW_MATCHING);
        assertThat(form.text(RunSettingsSchema.NAME).getValue()).isEqualTo("Flow matching, exercise defaults");

        form.text(RunSettingsSchema.NAME).setValue("rings with OT");
        form.preset.setValue(RunPreset.SMOKE);
        form.family.setValue(ModelFamily.CONDITIONAL_FLOW_MATCHING);

        assertThat(form.text(RunSettingsSchema.NAME).getValue()).isEqualTo("rings with OT");
        assertThat(form.text(RunSettingsSchema.EPOCHS).getValue()).isEqualTo("3");
    }

    @Test
    void outOfRangeAndMissingValuesGetTheServicesMessagesNextToTheirFieldsAndNothingIsSubmitted() {
        form.text(RunSettingsSchema.POINTS).setValue("10");
        form.text(RunSettingsSchema.LEARNING_RATE).clear();
        form.text(RunSettingsSchema.SEED).setValue("not a number");

        form.queue.click();

        assertThat(submitted).isEmpty();
        assertThat(form.text(RunSettingsSchema.POINTS).isInvalid()).isTrue();
        assertThat(form.text(RunSettingsSchema.POINTS).getErrorMessage()).isEqualTo("Training points must be between 500 and 1,000,000, not 10");
        assertThat(form.text(RunSettingsSchema.LEARNING_RATE).isInvalid()).isTrue();
        assertThat(form.text(RunSettingsSchema.LEARNING_RATE).getErrorMessage()).isEqualTo("Learning rate is required");
        assertThat(form.text(RunSettingsSchema.SEED).isInvalid()).isTrue();
        assertThat(form.text(RunSettingsSchema.SEED).getErrorMessage()).isEqualTo("Seed must be a whole number; \"not a number\" is not one");
        assertThat(form.text(RunSettingsSchema.EPOCHS).isInvalid()).isFalse();

        form.text(RunSettingsSchema.POINTS).setValue("5,000");
        form.text(RunSettingsSchema.LEARNING_RATE).setValue("1e-3");
        form.text(RunSettingsSchema.SEED).setValue("7");
        form.queue.click();
        assertThat(submitted).hasSize(1);
        assertThat(form.text(RunSettingsSchema.POINTS).isInvalid()).isFalse();
    }
}
