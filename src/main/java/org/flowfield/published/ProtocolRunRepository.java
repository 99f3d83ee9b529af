package org.flowfield.published;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which runs reproduce which cell of a published table; reached only through {@link ProtocolService}. */
@Repository
class ProtocolRunRepository {

    /** One stored link between a run and the cell it reproduces. */
    record Link(UUID runId, PublishedTask task, PublishedMethod method, int seed) {}

    private final JdbcClient jdbc;

    ProtocolRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String protocol, Link link) {
        jdbc.sql("insert into protocol_run (run_id, protocol, task, method, seed) values (:run, :protocol, :task, :method, :seed)")
                .param("run", link.runId())
                .param("protocol", protocol)
                .param("task", link.task().name())
                .param("method", link.method().name())
                .param("seed", link.seed())
                .update();
    }

    List<Link> links(String protocol) {
        return jdbc.sql("select run_id, task, method, seed from protocol_run where protocol = :protocol order by task, method, seed")
                .param("protocol", protocol)
                .query((row, number) -> new Link(row.getObject("run_id", UUID.class),
                        PublishedTask.valueOf(row.getString("task")), PublishedMethod.valueOf(row.getString("method")),
                        row.getInt("seed")))
                .list();
    }
}
