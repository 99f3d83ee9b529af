package org.flowfield.runs.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowfield.flows.ModelFamily;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    @Test
    void everyFieldConstantIsAReadableAndWritableBeanPropertyOfThatName() throws Exception {
        Map<String, PropertyDescriptor> properties = Arrays.stream(
                        Introspector.getBeanInfo(RunSettings.class, Object.class).getPropertyDescriptors())
                .collect(Collectors.toMap(PropertyDescriptor::getName, Function.identity()));

        // the exercise's settings are typed bean properties; those declared later live in the schema only
        assertThat(RunSettings.ALL_FIELDS).containsAll(properties.keySet());
        for (String field : properties.keySet()) {
            assertThat(properties.get(field).getReadMethod()).as(field).isNotNull();
            assertThat(properties.get(field).getWriteMethod()).as(field).isNotNull();
            assertThat(properties.get(field).getPropertyType().isPrimitive()).as(field + " may be empty").isFalse();
        }
    }

    @Test
    void newSettingsAreEmpty() {
        assertThat(new RunSettings()).hasAllNullFieldsOrPropertiesExcept("unreadable", "declared");
        RunSettings empty = new RunSettings();
        assertThat(RunSettingsSchema.ALL).allSatisfy(setting -> assertThat(setting.get(empty)).as(setting.field()).isNull());
        assertThat(new RunSettings().unreadable()).isEmpty();
    }

    @Test
    void aCopyIsEqualAndIndependent() {
        RunSettings original = RunPresets.exerciseDefaults(ModelFamily.FLOW_MATCHING);
        RunSettings copy = original.copy();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original).isNotSameAs(original);
        copy.setPoints(1_000);
        assertThat(original.getPoints()).isEqualTo(250_000);
        assertThat(copy).isNotEqualTo(original);

        RunSettings typed = original.copy();
        SettingText.enter(typed, RunSettings.SEED, "abc");
        assertThat(typed).isNotEqualTo(original);
        assertThat(typed.copy()).isEqualTo(typed);
        assertThat(typed.copy().unreadable()).containsEntry(RunSettings.SEED, "abc");
    }

    @Test
    void fieldsOfEachFamily() {
        assertThat(RunSettings.fieldsFor(ModelFamily.NORMALIZING_FLOW)).containsExactly(
                "name", "family", "dataSet", "userDataSet", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "couplingLayers", "nfHiddenWidth", "nfLinearLayers", "leakySlope", "activation", "logScaleBound",
                "weightDecay", "maxGradientNorm", "standardize");
        assertThat(RunSettings.fieldsFor(ModelFamily.FLOW_MATCHING)).containsExactly(
                "name", "family", "dataSet", "userDataSet", "source", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "fmHiddenWidth", "fmLinearLayers", "sigmaMin", "minibatchOptimalTransport", "leakySlope", "activation",
                "weightDecay", "maxGradientNorm", "pathSigma", "standardize");
        assertThat(RunSettings.fieldsFor(ModelFamily.CONDITIONAL_FLOW_MATCHING)).containsExactly(
                "name", "family", "dataSet", "userDataSet", "source", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "fmHiddenWidth", "fmLinearLayers", "embeddingDim", "sigmaMin", "minibatchOptimalTransport",
                "leakySlope", "activation", "transportWithinClasses", "weightDecay", "maxGradientNorm", "pathSigma", "standardize");
    }

    @Test
    void everyFieldHasALabel() {
        assertThat(RunSettings.ALL_FIELDS).allSatisfy(field -> assertThat(RunSettings.labelOf(field)).isNotBlank());
        assertThat(RunSettings.labelOf(RunSettings.BATCH_SIZE)).isEqualTo("Batch size");
        assertThatThrownBy(() -> RunSettings.labelOf("colour")).isInstanceOf(IllegalArgumentException.class);
    }
}
