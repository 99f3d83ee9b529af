package org.flowfield.compare;

import java.util.List;
import org.flowfield.runs.Run;

/**
 * Two to four runs side by side.
 *
 * @param runs the runs in the order asked for, each with its loss curve, final samples and timings
 * @param settings every setting, each run's value and whether they differ
 * @param figures held-out NLL, in-ring fraction, sliced W2, training time and steps/s, best marked
 * @param lossesComparable whether every run's training loss is the same quantity (normalizing flows:
 *     a negative log-likelihood; flow matching, conditional or not: the Eq. 16 mean squared error)
 * @param lossNote what to compare instead when they are not; empty when they are
 */
public record Comparison(
        List<ComparedRun> runs, List<SettingRow> settings, List<FigureRow> figures, boolean lossesComparable, String lossNote) {

    public Comparison {
        runs = List.copyOf(runs);
        settings = List.copyOf(settings);
        figures = List.copyOf(figures);
    }

    /** Only the settings whose values differ between the runs. */
    public List<SettingRow> differingSettings() {
        return settings.stream().filter(SettingRow::differs).toList();
    }

    public FigureRow figure(Figure figure) {
        return figures.stream().filter(row -> row.figure() == figure).findFirst().orElseThrow();
    }

    public List<Run> plainRuns() {
        return runs.stream().map(ComparedRun::run).toList();
    }
}
