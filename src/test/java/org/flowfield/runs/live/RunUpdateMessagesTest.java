package org.flowfield.runs.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.flowfield.flows.StepLoss;
import org.flowfield.training.EpochReport;
import org.flowfield.training.ProgressReport;
import org.junit.jupiter.api.Test;

class RunUpdateMessagesTest {

    private static final String SENDER = UUID.randomUUID().toString();
    private static final UUID RUN = UUID.randomUUID();
    private static final StoredEpochs NOTHING_STORED = (runId, epoch) -> Optional.empty();

    private static Optional<RunUpdate> roundTrip(RunUpdate update, StoredEpochs epochs) {
        String text = RunUpdateMessages.encode(SENDER, update).orElseThrow();
        RunUpdateMessages.Incoming incoming = RunUpdateMessages.decode(text).orElseThrow();
        assertThat(incoming.sender()).isEqualTo(SENDER);
        return incoming.update(epochs);
    }

    @Test
    void progressTravelsWithEveryNumberExactlyNaNIncluded() {
        RunUpdate.Progress update = new RunUpdate.Progress(RUN,
                new ProgressReport(12_350, 39_080, 6, 50, 1.8954321987654321, Double.NaN, -0.1 / 3, 1e-3 * Math.PI, 711.25));

        assertThat(roundTrip(update, NOTHING_STORED)).contains(update);
    }

    @Test
    void statusAndAccessChangesTravelAndALostAccessStaysOnItsServer() {
        assertThat(roundTrip(new RunUpdate.StatusChanged(RUN), NOTHING_STORED)).contains(new RunUpdate.StatusChanged(RUN));
        assertThat(roundTrip(new RunUpdate.AccessChanged(RUN), NOTHING_STORED)).contains(new RunUpdate.AccessChanged(RUN));
        assertThat(RunUpdateMessages.encode(SENDER, new RunUpdate.AccessLost(RUN))).isEmpty();
    }

    @Test
    void anEpochTravelsAsItsNumberAndIsReadBackFromWhatIsStored() {
        float[] samples = new float[2_000];
        EpochReport sent = new EpochReport(4, 3_910, new StepLoss(1.9, 0.7, -2.6), samples, null);
        EpochReport stored = new EpochReport(4, 3_910, new StepLoss(1.9, 0.7, -2.6), samples.clone(), null);

        String text = RunUpdateMessages.encode(SENDER, new RunUpdate.Epoch(RUN, sent)).orElseThrow();

        assertThat(text).hasSizeLessThan(100);
        assertThat(roundTrip(new RunUpdate.Epoch(RUN, sent), (runId, epoch) -> runId.equals(RUN) && epoch == 4
                ? Optional.of(stored) : Optional.empty())).contains(new RunUpdate.Epoch(RUN, stored));
        assertThat(roundTrip(new RunUpdate.Epoch(RUN, sent), NOTHING_STORED)).isEmpty();
    }

    @Test
    void textThatIsNoMessageIsIgnored() {
        assertThat(RunUpdateMessages.decode("")).isEmpty();
        assertThat(RunUpdateMessages.decode(SENDER + " X " + RUN)).isEmpty();
        assertThat(RunUpdateMessages.decode(SENDER + " S not-a-uuid")).isEmpty();
        assertThat(RunUpdateMessages.decode(SENDER + " P " + RUN + " 1 2")).isEmpty();
    }
}
