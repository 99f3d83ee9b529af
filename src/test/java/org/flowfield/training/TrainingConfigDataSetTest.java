package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flowfield.data.DataSet;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.junit.jupiter.api.Test;

/** The data set and the flow-matching source as parts of a run's configuration and its stored form. */
class TrainingConfigDataSetTest {

    @Test
    void aConfigurationWithoutThemLearnsTheRingsFromTheStandardNormal() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1);

        assertThat(config.dataSet()).isEqualTo(DataSet.RINGS);
        assertThat(config.source()).isEqualTo(SourceDistribution.STANDARD_NORMAL);
        assertThat(config.flowMatching().classes()).isEqualTo(5);
        assertThat(config.trainingPoints()).isEqualTo(250_000);
        assertThat(config.withPoints(1_003).trainingPoints()).isEqualTo(1_000);
    }

    @Test
    void aClassConditionalModelTakesItsClassCountFromTheDataSet() {
        TrainingConfig gaussians = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1)
                .withDataSet(DataSet.EIGHT_GAUSSIANS).withPoints(1_003);

        assertThat(gaussians.flowMatching().classes()).isEqualTo(8);
        assertThat(gaussians.trainingPoints()).isEqualTo(1_003);
        assertThat(gaussians.withDataSet(DataSet.MOONS).flowMatching().classes()).isEqualTo(2);
    }

    @Test
    void aSetWithoutClassesOrADataSourceForANormalizingFlowIsRefusedWithItsReason() {
        TrainingConfig cfm = TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 1);
        assertThatThrownBy(() -> cfm.withDataSet(DataSet.CHECKERBOARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Checkerboard has no classes, so a class-conditional model cannot learn it");

        TrainingConfig nf = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 1);
        assertThatThrownBy(() -> nf.withSource(SourceDistribution.of(DataSet.EIGHT_GAUSSIANS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a normalizing flow starts from the standard normal");
    }

    @Test
    void theCodecKeepsBothAndARowStoredBeforeThemReadsAsTheRingsFromTheStandardNormal() {
        TrainingConfig config = TrainingConfig.exercise(ModelFamily.FLOW_MATCHING, 3)
                .withDataSet(DataSet.MOONS).withSource(SourceDistribution.of(DataSet.EIGHT_GAUSSIANS));
        Map<String, String> encoded = TrainingConfigCodec.encode(config);

        assertThat(encoded).containsEntry("data", "moons").containsEntry("fm.source", "eight-gaussians");
        assertThat(TrainingConfigCodec.decode(encoded)).isEqualTo(config);

        Map<String, String> old = new java.util.LinkedHashMap<>(TrainingConfigCodec.encode(TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 3)));
        old.remove("data");
        old.remove("fm.source");
        TrainingConfig decoded = TrainingConfigCodec.decode(old);
        assertThat(decoded).isEqualTo(TrainingConfig.exercise(ModelFamily.CONDITIONAL_FLOW_MATCHING, 3));
        assertThat(decoded.dataSet()).isEqualTo(DataSet.RINGS);
        assertThat(decoded.source().standardNormal()).isTrue();
    }

    @Test
    void sourceNamesRoundTripAndAnUnknownOneListsTheChoices() {
        assertThat(SourceDistribution.ofCode("normal")).isEqualTo(SourceDistribution.STANDARD_NORMAL);
        for (DataSet set : DataSet.values()) {
            assertThat(SourceDistribution.ofCode(set.code()).dataSet()).isEqualTo(set);
        }
        assertThatThrownBy(() -> SourceDistribution.ofCode("uniform"))
                .hasMessageStartingWith("unknown source 'uniform': expected normal or a data set (rings, eight-gaussians");
    }
}
