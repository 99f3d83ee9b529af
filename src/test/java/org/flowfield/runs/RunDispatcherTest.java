package org.flowfield.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.settings.RunPresets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dispatcher starts queued runs in the fair order on the real database, one free slot at a time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/dispatch-${random.uuid}",
    "flowfield.queue.slots=1",
    "flowfield.queue.dispatch-interval-ms=86400000",
    "jobrunr.background-job-server.enabled=false"
})
class RunDispatcherTest {

    @Autowired
    RunDispatcher dispatcher;

    @Autowired
    RunService service;

    @Autowired
    RunRepository runs;

    @Autowired
    JdbcClient jdbc;

    private UUID account(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, name + id.toString().substring(0, 6), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    @Test
    void aUserWithOneQueuedRunIsNotHeldBackByAUserWithMany() {
        UUID alice = account("alice");
        UUID bob = account("bob");
        List<UUID> aliceRuns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            aliceRuns.add(service.queue(alice, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id());
        }
        UUID bobRun = service.queue(bob, RunPresets.smoke(ModelFamily.FLOW_MATCHING)).id();

        List<UUID> started = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            dispatcher.dispatch();
            List<UUID> running = jdbc.sql("select id from run where status = 'RUNNING'").query(UUID.class).list();
            assertThat(running).as("one slot").hasSize(1);
            started.add(running.get(0));
            dispatcher.dispatch();
            assertThat(jdbc.sql("select count(*) from run where status = 'RUNNING'").query(Long.class).single())
                    .as("a full slot starts nothing").isEqualTo(1);
            runs.end(running.get(0), RunStatus.CANCELLED, null, Instant.now());
        }

        assertThat(started).containsExactly(aliceRuns.get(0), bobRun, aliceRuns.get(1), aliceRuns.get(2));
    }
}
