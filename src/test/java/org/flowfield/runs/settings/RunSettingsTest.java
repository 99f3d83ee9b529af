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

        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(RunSettings.ALL_FIELDS);
        for (String field : RunSettings.ALL_FIELDS) {
            assertThat(properties.get(field).getReadMethod()).as(field).isNotNull();
            assertThat(properties.get(field).getWriteMethod()).as(field).isNotNull();
            assertThat(properties.get(field).getPropertyType().isPrimitive()).as(field + " may be empty").isFalse();
        }
    }

    @Test
    void newSettingsAreEmpty() {
        assertThat(new RunSettings()).hasAllNullFieldsOrPropertiesExcept("unreadable");
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
                "name", "family", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "couplingLayers", "nfHiddenWidth", "nfLinearLayers", "leakySlope");
        assertThat(RunSettings.fieldsFor(ModelFamily.FLOW_MATCHING)).containsExactly(
                "name", "family", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "fmHiddenWidth", "fmLinearLayers", "sigmaMin", "minibatchOptimalTransport", "leakySlope");
        assertThat(RunSettings.fieldsFor(ModelFamily.CONDITIONAL_FLOW_MATCHING)).containsExactly(
                "name", "family", "points", "epochs", "batchSize", "learningRate", "schedule", "seed",
                "fmHiddenWidth", "fmLinearLayers", "embeddingDim", "sigmaMin", "minibatchOptimalTransport",
                "leakySlope");
    }

    @Test
    void everyFieldHasALabel() {
        assertThat(RunSettings.ALL_FIELDS).allSatisfy(field -> assertThat(RunSettings.labelOf(field)).isNotBlank());
        assertThat(RunSettings.labelOf(RunSettings.BATCH_SIZE)).isEqualTo("Batch size");
        assertThatThrownBy(() -> RunSettings.labelOf("colour")).isInstanceOf(IllegalArgumentException.class);
    }
}
