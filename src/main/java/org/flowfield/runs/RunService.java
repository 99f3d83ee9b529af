package org.flowfield.runs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.data.PointCloud;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.RunData;
import org.flowfield.training.UserDataRef;
import org.flowfield.training.Checkpoint;
import org.flowfield.training.CheckpointFile;
import org.flowfield.training.export.BatchLossFile;
import org.flowfield.training.export.SampleSnapshot;
import org.flowfield.queue.QueueAdmission;
import org.flowfield.queue.CurrentQueueLimits;
import org.flowfield.runs.live.RunUpdate;
import org.flowfield.runs.live.RunUpdates;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsValidator;
import org.flowfield.text.DisplayNames;
import org.flowfield.training.TrainingConfig;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading and cancelling runs. Every method takes the calling account and checks
 * access itself: a run the caller may not see behaves exactly like one that does not exist.
 */
@Service
public class RunService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunService.class);

    private final RunRepository runs;
    private final RunFiles files;
    private final CurrentQueueLimits limits;
    private final Clock clock;
    private final RunUpdates updates;
    private final TrainingJobs jobs;
    private final StorageQuota quota;
    private final UserDataSets dataSets;
    private final RunDataResolver data;

    RunService(RunRepository runs, RunFiles files, CurrentQueueLimits limits, Clock clock, RunUpdates updates, TrainingJobs jobs,
            StorageQuota quota, UserDataSets dataSets, RunDataResolver data) {
        this.dataSets = dataSets;
        this.data = data;
        this.jobs = jobs;
        this.quota = quota;
        this.runs = runs;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
        this.updates = updates;
    }

    /**
     * Streams a run's updates (progress, epochs, status) to a watcher, if the viewer may see the
     * run; close the handle to stop.
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    public RunUpdates.Subscription watch(UUID viewerId, UUID runId, java.util.function.Consumer<RunUpdate> watcher) {
        find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        java.util.concurrent.atomic.AtomicReference<RunUpdates.Subscription> subscription = new java.util.concurrent.atomic.AtomicReference<>();
        subscription.set(updates.subscribe(runId, update -> {
            if (!(update instanceof RunUpdate.AccessChanged)) {
                watcher.accept(update);
            } else if (find(viewerId, runId).isEmpty()) {
                subscription.get().close();
                watcher.accept(new RunUpdate.AccessLost(runId));
            }
        }));
        return () -> subscription.get().close();
    }

    /**
     * Validates the settings (the same bounds and messages as the form; the name must also differ
     * from every reference run's), checks the owner's queue limit and stores the run as queued,
     * its name in {@linkplain DisplayNames#normalize normal form}. Nothing is written when either
     * check fails.
     *
     * @throws org.flowfield.runs.settings.InvalidRunSettingsException listing every invalid field
     * @throws org.flowfield.queue.QueueFullException when the owner already has the maximum queued
     * @throws StorageQuotaExceededException when the owner already stores as many runs and data sets as allowed
     */
    @Transactional
    public Run queue(UUID ownerId, RunSettings settings) {
        RunSettingsValidator.requireValid(settings, listReference().stream().map(Run::name).toList());
        UserDataRef userData = ownDataSet(ownerId, settings);
        TrainingConfig config = RunSettingsMapper.toTrainingConfig(settings, userData);
        runs.lockOwner(ownerId);
        quota.requireRoomForOneMore(runs.countStored(ownerId), dataSets.countOwned(ownerId));
        new QueueAdmission(limits.get()).requireRoom(ownerId.toString(), runs.countQueued(ownerId));
        Run run = new Run(UUID.randomUUID(), ownerId, DisplayNames.normalize(settings.getName()), config, RunStatus.QUEUED, null, null,
                clock.instant(), null, null, false, 0, config.totalSteps(), null, false, 0, null);
        runs.insert(run);
        if (userData != null) {
            dataSets.recordUse(ownerId, userData.id(), run.id());
        }
        return run;
    }

    /**
     * The owner's data set the settings choose, if any: a run trains only on its owner's own data
     * sets, so a fork of someone else's run on their data must choose another.
     *
     * @throws org.flowfield.runs.settings.InvalidRunSettingsException when it is not the owner's, or lacks the classes the model needs
     */
    private UserDataRef ownDataSet(UUID ownerId, RunSettings settings) {
        String chosen = RunSettingsSchema.USER_DATA_SET.get(settings);
        if (chosen == null) {
            return null;
        }
        String field = RunSettingsSchema.USER_DATA_SET.field();
        UserDataSet dataSet = dataSets.listMine(ownerId).stream().filter(mine -> mine.id().toString().equalsIgnoreCase(chosen.strip()))
                .findFirst().orElseThrow(() -> new InvalidRunSettingsException(List.of(new FieldError(field,
                        RunSettingsSchema.USER_DATA_SET.label() + " must be one of your data sets; a run trains only on its owner's"
                                + " own data, so a run of someone else's data needs one of yours (draw or upload it under Data sets)"))));
        if (settings.getFamily().conditional() && !dataSet.labelled()) {
            throw new InvalidRunSettingsException(List.of(new FieldError(field,
                    "A class-conditional model needs a data set with classes; “" + dataSet.name() + "” has none")));
        }
        return new UserDataRef(dataSet.id(), dataSet.classes());
    }

    /**
     * The owner's data set a run trains on, for a viewer who may see the run; empty for a run on a
     * built-in data set.
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    @Transactional(readOnly = true)
    public Optional<UserDataSet> dataSetOf(UUID viewerId, UUID runId) {
        return dataSetOf(viewerId, find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId)));
    }

    /**
     * The owner's data set of a run already found visible to the viewer; empty for a run on a
     * built-in data set.
     *
     * @throws org.flowfield.datasets.DataSetNotFoundException when the viewer may not see the data set
     */
    @Transactional(readOnly = true)
    public Optional<UserDataSet> dataSetOf(UUID viewerId, Run run) {
        if (!run.config().usesUserData()) {
            return Optional.empty();
        }
        return Optional.of(dataSets.find(viewerId, run.config().userData().id()));
    }

    /**
     * The data a run, already found visible, trains and is measured on: its built-in data set, or
     * its owner's own (docs/data.md, "Your own data").
     *
     * @throws org.flowfield.training.TrainingFailedException when its owner's data set is gone
     */
    @Transactional(readOnly = true)
    public RunData trainingData(Run run) {
        return data.of(run.ownerId(), run.config());
    }

    /** The run if the viewer may see it (their own runs and the reference runs), else empty. */
    @Transactional(readOnly = true)
    public Optional<Run> find(UUID viewerId, UUID runId) {
        return runs.findVisible(runId, viewerId, AccountService.REFERENCE_ACCOUNT_ID);
    }

    /**
     * The run's loss curve and finished epochs, as recorded so far.
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    @Transactional(readOnly = true)
    public RunHistory history(UUID viewerId, UUID runId) {
        Run run = find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        return new RunHistory(run, runs.lossSeries(runId), runs.epochs(runId));
    }

    /**
     * The loss of every training batch so far, in step order (entry i is step i + 1).
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    public float[] batchLosses(UUID viewerId, UUID runId) {
        find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        return BatchLossFile.read(files.batchLosses(runId));
    }

    /**
     * The model's sample snapshot at the end of an epoch (standardised coordinates, with classes
     * for class-conditional runs); empty when the run has no such epoch or its file is missing or
     * unreadable (a damaged file shows as missing, never as an error).
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    @Transactional(readOnly = true)
    public Optional<PointCloud> snapshot(UUID viewerId, UUID runId, int epoch) {
        find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (runs.snapshotFile(runId, epoch).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SampleSnapshot.read(files.snapshot(runId, epoch)));
        } catch (java.io.UncheckedIOException e) {
            log.warn("run {}: the samples of epoch {} cannot be read ({}); shown as missing", runId, epoch, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The final model of a finished run: weights, configuration and the training data's
     * standardisation.
     *
     * @throws RunNotFoundException when the viewer may not see the run
     * @throws RunNotFinishedException when the run has not finished
     */
    public Checkpoint finalCheckpoint(UUID viewerId, UUID runId) {
        Run run = find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.status() != RunStatus.FINISHED) {
            throw new RunNotFinishedException(runId, run.status());
        }
        return CheckpointFile.read(files.checkpoint(runId));
    }

    /** The ready-made reference runs every user sees (trained by Flowfield with the exercise's recipe). */
    @Transactional(readOnly = true)
    public List<Run> listReference() {
        return runs.listOwned(AccountService.REFERENCE_ACCOUNT_ID);
    }

    /** Runs others shared with the viewer, by a class the viewer is in or by a link the viewer opened. */
    @Transactional(readOnly = true)
    public List<Run> listSharedWithMe(UUID viewerId) {
        return runs.listSharedWith(viewerId);
    }

    /**
     * A page of the runs the viewer may see, at most {@link Paging#PAGE_SIZE}: their own (newest
     * first), then those others shared with them, then the reference runs.
     *
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    @Transactional(readOnly = true)
    public List<Run> listVisible(UUID viewerId, int offset, int limit) {
        return runs.listVisible(viewerId, AccountService.REFERENCE_ACCOUNT_ID, offset, Paging.limit(offset, limit));
    }

    /** How many runs the viewer may see ({@link #listVisible}). */
    @Transactional(readOnly = true)
    public int countVisible(UUID viewerId) {
        return Math.toIntExact(runs.countVisible(viewerId, AccountService.REFERENCE_ACCOUNT_ID));
    }

    /** The viewer's own runs that are queued or training (bounded by the queue's limits). */
    @Transactional(readOnly = true)
    public List<Run> listUnfinished(UUID viewerId) {
        return runs.listUnfinished(viewerId);
    }

    /** The viewer's own runs, newest first. */
    @Transactional(readOnly = true)
    public List<Run> listOwn(UUID viewerId) {
        return runs.listOwned(viewerId);
    }

    /**
     * Cancels a queued run at once, and a started run that no live trainer holds (it waits to
     * resume, or for a worker); asks a training run to stop between two steps. A finished, failed
     * or cancelled run stays as it is.
     *
     * @throws RunNotFoundException when the viewer may not see the run
     */
    @Transactional
    public Run cancel(UUID viewerId, UUID runId) {
        Run run = find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (!run.ownerId().equals(viewerId)) {
            return run;
        }
        stop(run);
        return runs.findOwned(runId, viewerId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** What {@link #cancel} does to a run, once the caller was found to be allowed to. */
    void stop(Run run) {
        UUID runId = run.id();
        if (run.status() == RunStatus.QUEUED) {
            runs.transition(runId, RunStatus.QUEUED, RunStatus.CANCELLED, clock.instant());
            updates.publish(new RunUpdate.StatusChanged(runId));
        } else if (run.status() == RunStatus.RUNNING) {
            runs.requestCancel(runId);
            boolean held = runs.jobOf(runId).map(jobs::heldByLiveServer).orElse(false);
            if (!held && runs.end(runId, RunStatus.CANCELLED, null, clock.instant())) {
                updates.publish(new RunUpdate.StatusChanged(runId));
            }
        }
    }
}
