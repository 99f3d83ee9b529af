package org.flowfield.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFinishedException;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharing;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.Sharing;
import org.flowfield.runs.settings.RunSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The runs API for scripts: the same services, access checks and messages as the views, with the
 * caller's access token in place of a log-in. A run the caller may not see answers exactly like
 * one that does not exist.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Runs")
@SecurityRequirement(name = ApiSecurityConfiguration.BEARER_SCHEME)
class RunsApiController {

    private final RunService runs;
    private final RunSharingService sharing;
    private final ClassroomService classrooms;

    RunsApiController(RunService runs, RunSharingService sharing, ClassroomService classrooms) {
        this.runs = runs;
        this.sharing = sharing;
        this.classrooms = classrooms;
    }

    @PostMapping(path = "/runs", consumes = "application/json")
    @Operation(summary = "Queue a run", description = "Fields left out come from the preset (default EXERCISE_DEFAULTS) of the family.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RunSettings.class))))
    ResponseEntity<RunJson> queue(@AuthenticationPrincipal ApiCaller caller, @RequestBody JsonNode body) {
        Run run = runs.queue(caller.accountId(), RunSettingsJson.read(body));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/runs/{id}").build(run.id());
        return ResponseEntity.created(location).body(RunJson.of(run));
    }

    @GetMapping("/runs")
    @Operation(summary = "List runs", description = "scope=own (default): the caller's runs, newest first; "
            + "shared: runs others shared with the caller; reference: the ready-made reference runs.")
    List<RunJson> list(@AuthenticationPrincipal ApiCaller caller, @RequestParam(defaultValue = "own") String scope) {
        List<Run> found = switch (scope.toLowerCase(Locale.ROOT)) {
            case "own" -> runs.listOwn(caller.accountId());
            case "shared" -> runs.listSharedWithMe(caller.accountId());
            case "reference" -> runs.listReference();
            default -> throw new InvalidRequestException("scope must be own, shared or reference");
        };
        return found.stream().map(RunJson::of).toList();
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "A run's status, progress, settings and figures")
    RunJson status(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        return RunJson.of(visible(caller, runId));
    }

    @GetMapping("/runs/{runId}/history")
    @Operation(summary = "A run's loss curve and finished epochs, as recorded so far")
    HistoryJson history(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        return HistoryJson.of(runs.history(caller.accountId(), runId));
    }

    @GetMapping("/runs/{runId}/figures")
    @Operation(summary = "A finished run's held-out figures", description = "409 while the run has not finished.")
    QualityFigures figures(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        Run run = visible(caller, runId);
        if (run.figures() == null) {
            throw new RunNotFinishedException(runId, run.status());
        }
        return run.figures();
    }

    @GetMapping("/runs/{runId}/snapshots/{epoch}")
    @Operation(summary = "The model's samples at the end of an epoch (epochs count from 0)")
    SnapshotJson snapshot(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId, @PathVariable int epoch) {
        return runs.snapshot(caller.accountId(), runId, epoch).map(cloud -> SnapshotJson.of(epoch, cloud))
                .orElseThrow(() -> new NoSnapshotException(epoch));
    }

    @GetMapping("/runs/{runId}/batch-losses")
    @Operation(summary = "The loss of every training batch so far (entry i is step i + 1)")
    Map<String, List<Double>> batchLosses(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        float[] losses = runs.batchLosses(caller.accountId(), runId);
        List<Double> values = new java.util.ArrayList<>(losses.length);
        for (float loss : losses) {
            values.add(HistoryJson.finite(loss));
        }
        return Map.of("losses", values);
    }

    @PostMapping("/runs/{runId}/cancel")
    @Operation(summary = "Cancel a run", description = "A queued run is cancelled at once, a training run stops between two steps; "
            + "an ended run stays as it is. Only the run's owner may cancel it.")
    RunJson cancel(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        Run run = runs.cancel(caller.accountId(), runId);
        if (!run.ownerId().equals(caller.accountId())) {
            throw new NotOwnerException("Only the owner of run " + runId + " can cancel it");
        }
        return RunJson.of(run);
    }

    @GetMapping("/runs/{runId}/sharing")
    @Operation(summary = "How the caller's run is shared")
    SharingJson sharing(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId) {
        return SharingJson.of(sharing.sharing(caller.accountId(), runId), baseUrl());
    }

    @PutMapping(path = "/runs/{runId}/sharing", consumes = "application/json")
    @Operation(summary = "Share the caller's run", description = "mode: private (a share link stops working), "
            + "class (with classroomId, a class the owner is in; see GET /api/classes) or link (a new link; any earlier one stops working).")
    SharingJson share(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID runId, @RequestBody SharingJson request) {
        Sharing mode = mode(request.mode());
        RunSharing now = switch (mode) {
            case PRIVATE -> sharing.makePrivate(caller.accountId(), runId);
            case LINK -> sharing.shareByLink(caller.accountId(), runId);
            case CLASS -> {
                if (request.classroomId() == null) {
                    throw new InvalidRequestException("classroomId is required to share with a class");
                }
                yield sharing.shareWithClassroom(caller.accountId(), runId, request.classroomId());
            }
        };
        return SharingJson.of(now, baseUrl());
    }

    @GetMapping("/classes")
    @Operation(summary = "The classes the caller is in (to share a run with one)")
    List<Map<String, Object>> classes(@AuthenticationPrincipal ApiCaller caller) {
        return classrooms.listMine(caller.accountId()).stream()
                .map(classroom -> Map.<String, Object>of("id", classroom.id(), "name", classroom.name()))
                .toList();
    }

    private Run visible(ApiCaller caller, UUID runId) {
        return runs.find(caller.accountId(), runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    private static Sharing mode(String mode) {
        if (mode != null) {
            for (Sharing choice : Sharing.values()) {
                if (choice.name().equalsIgnoreCase(mode.strip())) {
                    return choice;
                }
            }
        }
        throw new InvalidRequestException("mode must be private, class or link");
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    /** Asked for the samples of an epoch the run has not reached (or whose file is gone). */
    static class NoSnapshotException extends RuntimeException {
        NoSnapshotException(int epoch) {
            super("The run has no samples of epoch " + epoch);
        }
    }

    /** Something only a run's owner may do, asked by someone who sees the run but does not own it. */
    static class NotOwnerException extends RuntimeException {
        NotOwnerException(String message) {
            super(message);
        }
    }
}
