package org.flowfield.runs;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.ClassroomNotFoundException;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.runs.settings.RunLimits;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import org.flowfield.text.DisplayNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a run (privately, with a class, or by link), opening a share link, and forking a run
 * one can see. Only a run's owner changes its sharing; everything else answers a run the caller
 * may not see exactly like one that does not exist. Making a run private or sharing it anew
 * revokes its link: the link then answers "not found", and its viewers' live updates stop.
 */
@Service
public class RunSharingService {

    /** Share-link secrets: 32 random bytes, URL-safe Base64 (43 characters). */
    private static final int TOKEN_BYTES = 32;

    private final RunService runs;
    private final RunRepository repository;
    private final ClassroomService classrooms;
    private final AccessChanges accessChanges;
    private final Clock clock;
    private final SecurityLog log;
    private final SecureRandom random = new SecureRandom();

    RunSharingService(RunService runs, RunRepository repository, ClassroomService classrooms, AccessChanges accessChanges, Clock clock,
            SecurityLog log) {
        this.runs = runs;
        this.repository = repository;
        this.classrooms = classrooms;
        this.accessChanges = accessChanges;
        this.clock = clock;
        this.log = log;
    }

    /**
     * How the caller's run is shared.
     *
     * @throws RunNotFoundException when the caller may not see the run
     * @throws NotRunOwnerException when the caller sees it but does not own it
     */
    @Transactional(readOnly = true)
    public RunSharing sharing(UUID ownerId, UUID runId) {
        requireOwner(ownerId, runId);
        return repository.sharing(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** Makes the run visible to its owner only; a share link stops working at once. */
    @Transactional
    public RunSharing makePrivate(UUID ownerId, UUID runId) {
        requireOwner(ownerId, runId);
        return change(ownerId, RunSharing.privateRun(runId));
    }

    /**
     * Shares the run with the members of a class the owner is in (a share link stops working).
     *
     * @throws ClassroomNotFoundException when the owner is not in that class
     */
    @Transactional
    public RunSharing shareWithClassroom(UUID ownerId, UUID runId, UUID classroomId) {
        requireOwner(ownerId, runId);
        if (!classrooms.isMember(ownerId, classroomId)) {
            throw new ClassroomNotFoundException(classroomId);
        }
        return change(ownerId, new RunSharing(runId, Sharing.CLASS, classroomId, null));
    }

    /** Shares the run by a new, unguessable link; any earlier link stops working. */
    @Transactional
    public RunSharing shareByLink(UUID ownerId, UUID runId) {
        requireOwner(ownerId, runId);
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return change(ownerId, new RunSharing(runId, Sharing.LINK, null, token));
    }

    /**
     * Opens a share link: the caller may see the run from now on, on every surface, until the
     * link is revoked.
     *
     * @throws RunNotFoundException when no run is shared by this link (never was, or revoked)
     */
    @Transactional
    public Run openLink(UUID viewerId, String token) {
        UUID runId = token == null || token.isBlank() ? null : repository.findByShareToken(token).orElse(null);
        if (runId == null) {
            throw RunNotFoundException.forLink();
        }
        repository.grantLink(runId, viewerId, token, clock.instant());
        return runs.find(viewerId, runId).orElseThrow(RunNotFoundException::forLink);
    }

    /**
     * The settings of a run the caller can see, as a new run of the caller's own, named after
     * the original; the caller may change them before queuing.
     *
     * @throws RunNotFoundException when the caller may not see the run
     */
    @Transactional(readOnly = true)
    public RunSettings forkSettings(UUID viewerId, UUID runId) {
        Run run = runs.find(viewerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        String name = DisplayNames.shortened("Fork of " + run.name(), RunLimits.MAX_NAME_LENGTH);
        return RunSettingsMapper.fromTrainingConfig(run.config(), name);
    }

    private void requireOwner(UUID callerId, UUID runId) {
        Run run = runs.find(callerId, runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (!run.ownerId().equals(callerId) || run.ownerId().equals(AccountService.REFERENCE_ACCOUNT_ID)) {
            throw new NotRunOwnerException(runId);
        }
    }

    private RunSharing change(UUID ownerId, RunSharing sharing) {
        boolean hadLink = repository.sharing(sharing.runId()).map(before -> before.mode() == Sharing.LINK).orElse(false);
        repository.share(sharing);
        if (hadLink) {
            log.record(ownerId, SecurityEvent.SHARE_LINK_REVOKED, "run " + sharing.runId());
        }
        log.record(ownerId, SecurityEvent.SHARING_CHANGED, "run " + sharing.runId() + " " + sharing.mode()
                + (sharing.classroomId() == null ? "" : " class " + sharing.classroomId()));
        accessChanges.announce(sharing.runId());
        return sharing;
    }
}
