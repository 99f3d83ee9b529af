package org.flowfield.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.ServerTimedOutException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The training jobs in the job engine: enqueuing one once the transaction that assigned it has
 * committed, and telling what became of one.
 */
@Component
class TrainingJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    /** What became of a run's job, as far as the run is concerned. */
    sealed interface Fate {
        /** Waiting for a worker, or held by a worker of a live server. */
        record Alive() implements Fate {}

        /** Not in the job engine (yet, or any more). */
        record Missing() implements Fate {}

        /** Its server died or its trainer returned without ending the run: the run resumes. */
        record Interrupted(String why) implements Fate {}

        /** It threw outside the trainer's handling: the run fails with this reason. */
        record Failed(String reason) implements Fate {}
    }

    /** How the job engine fails a job whose server stopped sending heartbeats (an orphaned job). */
    private static final java.util.Set<String> SERVER_DIED = java.util.Set.of(ServerTimedOutException.class.getName(),
            org.jobrunr.jobs.exceptions.IllegalJobThreadStateException.class.getName());

    private final JobScheduler scheduler;
    private final StorageProvider storage;
    private final TrainingJob trainingJob;
    private final Duration serverDeadAfter;
    private final boolean singleServer;
    private final ObjectProvider<BackgroundJobServer> thisServer;

    TrainingJobs(JobScheduler scheduler, StorageProvider storage, TrainingJob trainingJob,
            @Value("${jobrunr.background-job-server.poll-interval-in-seconds:5}") int pollSeconds,
            @Value("${spring.datasource.url}") String databaseUrl, ObjectProvider<BackgroundJobServer> thisServer) {
        this.thisServer = thisServer;
        this.scheduler = scheduler;
        this.storage = storage;
        this.trainingJob = trainingJob;
        this.serverDeadAfter = Duration.ofSeconds(3L * pollSeconds);
        // an embedded H2 file opens in one process only: every other server that used it is gone
        this.singleServer = databaseUrl.startsWith("jdbc:h2:") && !databaseUrl.startsWith("jdbc:h2:tcp:")
                && !databaseUrl.startsWith("jdbc:h2:ssl:");
    }

    /** Enqueues the run's job when the current transaction commits (at once without one). */
    void enqueueAfterCommit(UUID runId, UUID jobId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            enqueue(runId, jobId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enqueue(runId, jobId);
            }
        });
    }

    private void enqueue(UUID runId, UUID jobId) {
        try {
            scheduler.enqueue(jobId, () -> trainingJob.train(runId, jobId));
        } catch (RuntimeException e) {
            log.warn("could not enqueue job {} of run {} ({}); the reconciler assigns it again", jobId, runId, e.toString());
        }
    }

    /** The job engine's servers as they are now, to judge several jobs against. */
    Map<UUID, BackgroundJobServerStatus> servers() {
        return storage.getBackgroundJobServers().stream()
                .collect(Collectors.toMap(BackgroundJobServerStatus::getId, Function.identity()));
    }

    /** The fate of a job, judged against the servers (their heartbeats, in real time). */
    Fate fate(UUID jobId, Map<UUID, BackgroundJobServerStatus> servers) {
        Job job;
        try {
            job = storage.getJobById(jobId);
        } catch (JobNotFoundException | org.jobrunr.scheduling.exceptions.JobNotFoundException e) {
            return new Fate.Missing();
        }
        return switch (job.getState()) {
            case AWAITING, SCHEDULED, ENQUEUED -> new Fate.Alive();
            case PROCESSING -> onLiveServer(job.<ProcessingState>getJobState().getServerId(), servers) ? new Fate.Alive()
                    : new Fate.Interrupted("its server stopped answering");
            case SUCCEEDED -> new Fate.Interrupted("its trainer returned without ending it");
            case DELETED -> new Fate.Interrupted("its job was deleted");
            case FAILED -> failure(job.getJobState());
        };
    }

    /** Whether a worker of a live server holds the job (and so a trainer may still end the run). */
    boolean heldByLiveServer(UUID jobId) {
        try {
            Job job = storage.getJobById(jobId);
            return job.getState() == org.jobrunr.jobs.states.StateName.PROCESSING
                    && onLiveServer(job.<ProcessingState>getJobState().getServerId(), servers());
        } catch (JobNotFoundException | org.jobrunr.scheduling.exceptions.JobNotFoundException e) {
            return false;
        }
    }

    private Fate failure(FailedState failed) {
        if (SERVER_DIED.contains(failed.getExceptionType())) {
            return new Fate.Interrupted("the job engine found its server gone");
        }
        String message = failed.getExceptionMessage() == null ? failed.getExceptionType() : failed.getExceptionMessage();
        return new Fate.Failed("internal error: " + message);
    }

    private boolean onLiveServer(UUID serverId, Map<UUID, BackgroundJobServerStatus> servers) {
        BackgroundJobServerStatus server = servers.get(serverId);
        if (server == null || !server.isRunning()) {
            return false;
        }
        BackgroundJobServer local = thisServer.getIfAvailable();
        if (local != null && local.isRunning() && serverId.equals(local.getId())) {
            // this process is alive, whatever a late heartbeat says (a CPU starved by a deadline
            // rush delays heartbeats; a run taken from a live trainer would train twice)
            return true;
        }
        if (singleServer) {
            return server.getFirstHeartbeat() != null && servers.values().stream()
                    .map(BackgroundJobServerStatus::getFirstHeartbeat)
                    .allMatch(first -> first == null || !first.isAfter(server.getFirstHeartbeat()));
        }
        return server.getLastHeartbeat() != null && server.getLastHeartbeat().isAfter(Instant.now().minus(serverDeadAfter));
    }
}
