package org.flowfield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.Test;

class TrainArgumentsTest {

    @Test
    void withoutOptionsItTrainsTheExercisesRecipe() {
        TrainArguments arguments = TrainArguments.parse(new String[] {"--model", "nf"});

        assertThat(arguments.config()).isEqualTo(TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 0));
        assertThat(arguments.out()).isNull();
    }

    @Test
    void everySettingOfTheFamilyHasItsOptionTypedAsInTheForm() {
        TrainArguments arguments = TrainArguments.parse(new String[] {"--model", "cfm", "--points", "250,000",
                "--epochs", "7", "--batch-size", "256", "--learning-rate", "5e-4", "--schedule", "constant", "--seed", "42",
                "--fm-hidden-width", "32", "--fm-linear-layers", "3", "--embedding-dim", "4", "--sigma-min", "0.1",
                "--minibatch-optimal-transport", "TRUE", "--leaky-slope", "0.2", "--out", "runs/a"});

        TrainingConfig expected = new TrainingConfig(ModelFamily.CONDITIONAL_FLOW_MATCHING, CouplingFlowConfig.EXERCISE,
                new FlowMatchingConfig(32, 3, 0.2, true, 4, 0.1, true), 250_000, 7, 256, 5e-4, LearningRateSchedule.CONSTANT,
                42, TrainingConfig.DEFAULT_REPORT_EVERY);
        assertThat(arguments.config()).isEqualTo(expected);
        assertThat(arguments.out()).isEqualTo(Path.of("runs/a"));
    }

    @Test
    void theUsageNamesEveryOption() {
        RunSettingsSchema.ALL.stream().filter(setting -> setting.option() != null)
                .forEach(setting -> assertThat(TrainArguments.USAGE).contains(setting.option()));
    }
}
