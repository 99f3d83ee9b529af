package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.training.DurableFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a crash can leave on disk, as the app meets it: a damaged snapshot, and half-written temporary files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/leftovers-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false"
})
class CrashLeftoversTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RunService service;

    @Autowired
    RunRepository runs;

    @Autowired
    RunFiles files;

    @Autowired
    TemporaryFileSweep sweep;

    @Autowired
    JdbcClient jdbc;

    UUID owner;

    @BeforeEach
    void account() {
        owner = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(owner, "l" + owner.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
    }

    @Test
    void aDamagedSnapshotShowsAsMissingAndTheRestOfTheRunAsBefore() throws Exception {
        Run run = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, owner, "damaged");
        Files.write(files.snapshot(run.id(), 0), new byte[] {0, 0, 7});
        Files.delete(files.snapshot(run.id(), 1));

        assertThat(service.snapshot(owner, run.id(), 0)).as("a truncated file").isEmpty();
        assertThat(service.snapshot(owner, run.id(), 1)).as("a missing file").isEmpty();
        assertThat(service.snapshot(owner, run.id(), run.config().epochs() - 1)).isPresent();
        assertThat(service.history(owner, run.id()).epochs()).hasSize(run.config().epochs());
    }

    @Test
    void startUpRemovesTemporaryFilesOfEndedRunsButLeavesThoseOfStartedRunsToTheirNextTrainer() throws Exception {
        Run ended = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, owner, "ended");
        Path endedLeftover = Files.createFile(files.directory(ended.id()).resolve("checkpoint.bin.123" + DurableFile.TEMPORARY_SUFFIX));
        UUID started = service.queue(owner, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id();
        assertThat(runs.markStarted(started, Instant.now(), "checkpoint.bin", UUID.randomUUID())).isTrue();
        Files.createDirectories(files.directory(started));
        Path startedLeftover = Files.createFile(files.directory(started).resolve("samples-epoch-0.bin.9" + DurableFile.TEMPORARY_SUFFIX));
        Path strayFolder = Files.createDirectories(files.root().resolve("not-a-run"));
        Path strayLeftover = Files.createFile(strayFolder.resolve("x" + DurableFile.TEMPORARY_SUFFIX));

        sweep.sweep();

        assertThat(endedLeftover).doesNotExist();
        assertThat(strayLeftover).doesNotExist();
        assertThat(startedLeftover).as("another server's trainer may be writing it").exists();
        assertThat(files.checkpoint(ended.id())).exists();
    }
}
