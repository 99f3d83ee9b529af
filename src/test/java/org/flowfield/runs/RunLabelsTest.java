package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

    private static final TrainingConfig CONFIG = TrainingConfig.exercise(ModelFamily.NORMALIZING_FLOW, 1);

    private static Run run(RunStatus status, String device, long stepsDone, boolean waitingToResume, int packSize) {
        Instant now = Instant.now();
        return new Run(UUID.randomUUID(), UUID.randomUUID(), "run", CONFIG, status, null, device, now, now, null, false, stepsDone,
                CONFIG.totalSteps(), null, waitingToResume, packSize, packSize == 0 ? null : UUID.randomUUID());
    }

    @Test
    void theStatusSaysWhatARunningRunDoes() {
        long total = CONFIG.totalSteps();

        assertThat(run(RunStatus.QUEUED, null, 0, false, 0).statusLabel()).isEqualTo("queued");
        assertThat(run(RunStatus.RUNNING, "CPU", 10, false, 3).statusLabel()).isEqualTo("running");
        assertThat(run(RunStatus.RUNNING, "CPU", total, false, 0).statusLabel()).isEqualTo("computing figures");
        assertThat(run(RunStatus.RUNNING, "CPU", 10, true, 0).statusLabel()).isEqualTo("waiting to resume");
        assertThat(run(RunStatus.RUNNING, "CPU", total, true, 0).statusLabel()).as("its server died while computing them")
                .isEqualTo("waiting to resume");
        assertThat(run(RunStatus.FINISHED, "CPU", total, false, 0).statusLabel()).isEqualTo("finished");
    }

    @Test
    void whereARunTrainsNamesItsDeviceAndPack() {
        assertThat(run(RunStatus.QUEUED, null, 0, false, 0).whereItTrains()).isEmpty();
        assertThat(run(RunStatus.RUNNING, "CPU", 10, false, 12).whereItTrains()).isEqualTo("on CPU, pack of 12");
        assertThat(run(RunStatus.RUNNING, "GPU 0", 10, false, 1).whereItTrains()).isEqualTo("on GPU 0, alone");
        assertThat(run(RunStatus.FINISHED, "CPU", CONFIG.totalSteps(), false, 0).whereItTrains()).isEqualTo("on CPU");
    }
}
