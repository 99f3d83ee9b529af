package org.flowfield.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowfield.data.DataSet;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.LearningRateSchedule;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/published-${random.uuid}",
    "flowfield.queue.max-queued-per-user=5",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class ProtocolServiceTest {

    @Autowired
    ProtocolService protocols;

    @Autowired
    RunService runs;

    @Autowired
    JdbcClient jdbc;

    UUID alice;
    UUID bob;

    @BeforeEach
    void accounts() {
        alice = account("alice");
        bob = account("bob");
    }

    private UUID account(String prefix) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, prefix + "-" + id.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private long runsOf(UUID owner) {
        return jdbc.sql("select count(*) from run where owner_id = ?").params(owner).query(Long.class).single();
    }

    private long linksOf(UUID owner) {
        return jdbc.sql("select count(*) from protocol_run p join run r on r.id = p.run_id where r.owner_id = ?")
                .params(owner).query(Long.class).single();
    }

    /** What the trainer and the transport-figures worker leave in a run's row once it finished. */
    private void finish(UUID runId, Double exactW2, Double pathEnergy) {
        jdbc.sql("update run set status = 'FINISHED', started_at = ?, finished_at = ?, heldout_nll = 2.5, in_ring_fraction = 0, "
                        + "sliced_w2 = 0.1, exact_w2 = ?, normalized_path_energy = ? where id = ?")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), exactW2, pathEnergy, runId)
                .update();
    }

    private static ProtocolCell cell(List<ProtocolCell> cells, PublishedTask task, PublishedMethod method) {
        return cells.stream().filter(c -> c.task() == task && c.method() == method).findFirst().orElseThrow();
    }

    @Test
    void aCellQueuesFiveSeedsWithTheProtocolsSettingsLinkedToTheCell() {
        List<Run> queued = protocols.queueCell(alice, PublishedTask.EIGHT_GAUSSIANS_TO_MOONS, PublishedMethod.OT_CFM);

        assertThat(queued).hasSize(TongProtocol.SEEDS);
        assertThat(queued).extracting(run -> run.config().seed()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(queued.get(3).name()).isEqualTo("Tong 2024 · OT-CFM · 8 Gaussians → moons · seed 3");
        for (Run run : queued) {
            TrainingConfig config = runs.find(alice, run.id()).orElseThrow().config();
            assertThat(config.family()).isEqualTo(ModelFamily.FLOW_MATCHING);
            assertThat(config.dataSet()).isEqualTo(DataSet.MOONS);
            assertThat(config.source()).isEqualTo(SourceDistribution.of(DataSet.EIGHT_GAUSSIANS));
            assertThat(config.flowMatching().hiddenWidth()).isEqualTo(64);
            assertThat(config.flowMatching().linearLayers()).isEqualTo(4);
            assertThat(config.flowMatching().activation()).isEqualTo(Activation.SELU);
            assertThat(config.flowMatching().sigmaMin()).isZero();
            assertThat(config.flowMatching().minibatchOptimalTransport()).isTrue();
            assertThat(config.optimizer().weightDecay()).isEqualTo(1e-5);
            assertThat(config.learningRate()).isEqualTo(1e-3);
            assertThat(config.schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
            assertThat(config.points()).isEqualTo(10_000);
            assertThat(config.epochs()).isEqualTo(1_000);
            assertThat(config.batchSize()).isEqualTo(512);
            // every flow-matching setting of the protocol, those above and any declared since, as stored
            RunSettings stored = RunSettingsMapper.fromTrainingConfig(config, run.name());
            RunSettings declared = TongProtocol.settings(PublishedTask.EIGHT_GAUSSIANS_TO_MOONS, PublishedMethod.OT_CFM,
                    (int) config.seed());
            for (RunSetting<?> setting : RunSettingsSchema.usedBy(ModelFamily.FLOW_MATCHING)) {
                assertThat((Object) setting.get(stored)).as(setting.field()).isEqualTo(setting.get(declared));
            }
        }
        assertThat(linksOf(alice)).isEqualTo(TongProtocol.SEEDS);
        assertThat(jdbc.sql("select distinct task || '/' || method || '/' || protocol from protocol_run p join run r on r.id = p.run_id "
                + "where r.owner_id = ?").params(alice).query(String.class).list())
                .containsExactly("EIGHT_GAUSSIANS_TO_MOONS/OT_CFM/" + TongProtocol.ID);

        List<Run> independent = protocols.queueCell(bob, PublishedTask.NORMAL_TO_S_CURVE, PublishedMethod.I_CFM);
        TrainingConfig config = independent.getFirst().config();
        assertThat(config.dataSet()).isEqualTo(DataSet.S_CURVE);
        assertThat(config.source()).isEqualTo(SourceDistribution.STANDARD_NORMAL);
        assertThat(config.flowMatching().minibatchOptimalTransport()).isFalse();
    }

    @Test
    void aCellThatDoesNotFitTheQueueStoresNothingAndSaysWhy() {
        runs.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING));

        assertThatThrownBy(() -> protocols.queueCell(alice, PublishedTask.NORMAL_TO_MOONS, PublishedMethod.I_CFM))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("the limit is 5");
        assertThat(runsOf(alice)).isEqualTo(1);
        assertThat(linksOf(alice)).isZero();
        assertThat(cell(protocols.results(alice), PublishedTask.NORMAL_TO_MOONS, PublishedMethod.I_CFM).runs()).isZero();
    }

    @Test
    void flowMatchingOfLipmanIsShownButCannotBeQueued() {
        assertThatThrownBy(() -> protocols.queueCell(alice, PublishedTask.NORMAL_TO_MOONS, PublishedMethod.FM))
                .isInstanceOf(MethodNotReproducedException.class)
                .hasMessage("FM (Lipman et al.) is shown for reference only; Flowfield trains OT-CFM (minibatch OT) and "
                        + "I-CFM (independent coupling)");
        assertThat(runsOf(alice)).isZero();
        assertThat(protocols.results(alice)).extracting(ProtocolCell::method).doesNotContain(PublishedMethod.FM)
                .hasSize(2 * PublishedTask.values().length);
    }

    @Test
    void finishedSeedsAreSummarisedAsMeanAndStdBesideThePapersBand() {
        List<Run> seeds = protocols.queueCell(alice, PublishedTask.NORMAL_TO_MOONS, PublishedMethod.OT_CFM);
        finish(seeds.get(0).id(), 0.12, 0.2);
        finish(seeds.get(1).id(), 0.13, 0.2);
        finish(seeds.get(2).id(), 0.14, 0.2);
        finish(seeds.get(3).id(), null, null); // finished, its transport figures not computed yet

        ProtocolCell cell = cell(protocols.results(alice), PublishedTask.NORMAL_TO_MOONS, PublishedMethod.OT_CFM);

        assertThat(cell.runs()).isEqualTo(5);
        assertThat(cell.finished()).isEqualTo(4);
        assertThat(cell.queued()).isEqualTo(1);
        assertThat(cell.running()).isZero();
        FigureComparison w2 = cell.figure(PublishedFigure.W2);
        assertThat(w2.seeds()).isEqualTo(3);
        assertThat(w2.flowfield().orElseThrow().mean()).isCloseTo(0.13, within(1e-12));
        assertThat(w2.flowfield().orElseThrow().std()).isCloseTo(0.01, within(1e-12));
        assertThat(w2.paper()).contains(new Band(0.130, 0.016));
        assertThat(w2.withinPaperBand()).isTrue();
        FigureComparison energy = cell.figure(PublishedFigure.NORMALIZED_PATH_ENERGY);
        assertThat(energy.flowfield().orElseThrow().mean()).isCloseTo(0.2, within(1e-12));
        assertThat(energy.paper()).contains(new Band(0.083, 0.009));
        assertThat(energy.withinPaperBand()).isFalse();
        assertThat(energy.paperDeviations().orElseThrow()).isCloseTo((0.2 - 0.083) / 0.009, within(1e-9));

        ProtocolCell untouched = cell(protocols.results(alice), PublishedTask.NORMAL_TO_MOONS, PublishedMethod.I_CFM);
        assertThat(untouched.runs()).isZero();
        assertThat(untouched.figure(PublishedFigure.W2).flowfield()).isEmpty();
        assertThat(untouched.figure(PublishedFigure.W2).paper()).contains(new Band(0.178, 0.014));
        assertThat(untouched.figure(PublishedFigure.W2).paperDeviations()).isEmpty();
    }

    @Test
    void anotherUsersProtocolRunsAreNotCounted() {
        List<Run> bobs = protocols.queueCell(bob, PublishedTask.NORMAL_TO_EIGHT_GAUSSIANS, PublishedMethod.I_CFM);
        bobs.forEach(run -> finish(run.id(), 0.4, 0.2));

        ProtocolCell seenByAlice = cell(protocols.results(alice), PublishedTask.NORMAL_TO_EIGHT_GAUSSIANS, PublishedMethod.I_CFM);
        ProtocolCell seenByBob = cell(protocols.results(bob), PublishedTask.NORMAL_TO_EIGHT_GAUSSIANS, PublishedMethod.I_CFM);

        assertThat(seenByAlice.runs()).isZero();
        assertThat(seenByAlice.figure(PublishedFigure.W2).flowfield()).isEmpty();
        assertThat(seenByBob.runs()).isEqualTo(5);
        assertThat(seenByBob.figure(PublishedFigure.W2).seeds()).isEqualTo(5);
        assertThat(seenByBob.figure(PublishedFigure.W2).flowfield()).contains(new Band(0.4, 0));
    }

    @Test
    void runsLeaveTheQueuedCountOnceTheyRun() {
        List<Run> seeds = protocols.queueCell(alice, PublishedTask.NORMAL_TO_S_CURVE, PublishedMethod.OT_CFM);
        jdbc.sql("update run set status = 'RUNNING' where id = ?").params(seeds.get(0).id()).update();
        runs.cancel(alice, seeds.get(1).id());

        ProtocolCell cell = cell(protocols.results(alice), PublishedTask.NORMAL_TO_S_CURVE, PublishedMethod.OT_CFM);

        assertThat(cell.running()).isEqualTo(1);
        assertThat(cell.queued()).isEqualTo(3);
        assertThat(cell.stopped()).isEqualTo(1);
        assertThat(runs.find(alice, seeds.get(1).id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
}
