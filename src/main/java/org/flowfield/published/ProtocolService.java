package org.flowfield.published;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trains the cells of Tong et al. (2024), Table 2, on the shared queue ({@link TongProtocol}) and
 * sets Flowfield's figures beside the paper's ({@link TongTable2}). A viewer sees only the
 * protocol's runs they may see as runs.
 */
@Service
public class ProtocolService {

    private final RunService runs;
    private final ProtocolRunRepository links;

    ProtocolService(RunService runs, ProtocolRunRepository links) {
        this.runs = runs;
        this.links = links;
    }

    /**
     * Queues the {@value TongProtocol#SEEDS} seeds of one cell for the caller, all or none, and
     * links each run to its cell.
     *
     * @throws MethodNotReproducedException for a method shown for reference only
     * @throws org.flowfield.queue.QueueFullException when the seeds do not fit in the caller's queue
     * @throws org.flowfield.runs.StorageQuotaExceededException when the caller's storage has no room for them
     */
    @Transactional
    public List<Run> queueCell(UUID callerId, PublishedTask task, PublishedMethod method) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        if (!method.reproduced()) {
            throw new MethodNotReproducedException(method);
        }
        List<Run> queued = new ArrayList<>();
        for (int seed = 0; seed < TongProtocol.SEEDS; seed++) {
            Run run = runs.queue(callerId, TongProtocol.settings(task, method, seed));
            links.insert(TongProtocol.ID, new ProtocolRunRepository.Link(run.id(), task, method, seed));
            queued.add(run);
        }
        return List.copyOf(queued);
    }

    /** Every reproduced cell, in the table's order: the viewer's view of its runs and figures. */
    @Transactional(readOnly = true)
    public List<ProtocolCell> results(UUID viewerId) {
        Map<PublishedTask, Map<PublishedMethod, List<Run>>> visible = new EnumMap<>(PublishedTask.class);
        for (ProtocolRunRepository.Link link : links.links(TongProtocol.ID)) {
            runs.find(viewerId, link.runId()).ifPresent(run -> visible
                    .computeIfAbsent(link.task(), t -> new EnumMap<>(PublishedMethod.class))
                    .computeIfAbsent(link.method(), m -> new ArrayList<>()).add(run));
        }
        List<ProtocolCell> cells = new ArrayList<>();
        for (PublishedMethod method : PublishedMethod.values()) {
            if (!method.reproduced()) {
                continue;
            }
            for (PublishedTask task : PublishedTask.values()) {
                List<Run> cellRuns = visible.getOrDefault(task, Map.of()).getOrDefault(method, List.of());
                cells.add(cell(task, method, cellRuns));
            }
        }
        return List.copyOf(cells);
    }

    private static ProtocolCell cell(PublishedTask task, PublishedMethod method, List<Run> cellRuns) {
        Map<PublishedFigure, FigureComparison> figures = new EnumMap<>(PublishedFigure.class);
        figures.put(PublishedFigure.W2, comparison(PublishedFigure.W2, task, method, cellRuns, QualityFigures::exactW2));
        figures.put(PublishedFigure.NORMALIZED_PATH_ENERGY, comparison(PublishedFigure.NORMALIZED_PATH_ENERGY, task, method,
                cellRuns, QualityFigures::normalizedPathEnergy));
        return new ProtocolCell(task, method, cellRuns.size(), count(cellRuns, RunStatus.QUEUED), count(cellRuns, RunStatus.RUNNING),
                count(cellRuns, RunStatus.FINISHED), figures);
    }

    private static FigureComparison comparison(PublishedFigure figure, PublishedTask task, PublishedMethod method, List<Run> cellRuns,
            Function<QualityFigures, Double> value) {
        List<Double> values = cellRuns.stream()
                .filter(run -> run.status() == RunStatus.FINISHED && run.figures() != null)
                .map(run -> value.apply(run.figures()))
                .filter(Objects::nonNull)
                .toList();
        Optional<Band> flowfield = values.isEmpty() ? Optional.empty() : Optional.of(SeedSpread.of(values));
        return new FigureComparison(figure, TongTable2.band(figure, method, task), flowfield, values.size());
    }

    private static int count(List<Run> cellRuns, RunStatus status) {
        return (int) cellRuns.stream().filter(run -> run.status() == status).count();
    }
}
