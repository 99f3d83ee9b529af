package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.LossPoint;
import org.flowfield.ui.chart.ChartSeries;
import org.flowfield.ui.chart.MinMaxReduction;
import org.junit.jupiter.api.Test;

/** The training-loss chart stays small however long the run: per draw, and over a live run. */
class LossSeriesTest {

    @Test
    void aLongRunsSeriesAreReducedForTheScreen() {
        List<LossPoint> points = new ArrayList<>();
        for (int step = 1; step <= 50_000; step++) {
            points.add(new LossPoint(step, 0, 1.0 / step, -0.5, -1.5, 1e-3, 100));
        }

        List<ChartSeries> series = LossSeries.of(ModelFamily.NORMALIZING_FLOW, points);

        assertThat(series).hasSize(3).allSatisfy(one -> assertThat(one.size()).isLessThanOrEqualTo(MinMaxReduction.MAX_POINTS));
        assertThat(series.getFirst().xy()[1]).isEqualTo(1.0);
        assertThat(series.getFirst().xy()[series.getFirst().xy().length - 1]).isEqualTo(1.0 / 50_000);
    }

    @Test
    void aLiveRunOfAMillionReportsSendsEachViewerUnderAMillionPointsPerSeries() {
        int drawn = -1;
        int redraws = 0;
        long pointsSent = 0;
        for (int now = 1; now <= 1_000_000; now++) {
            if (LossSeries.liveRedrawDue(drawn, now)) {
                drawn = now;
                redraws++;
                pointsSent += Math.min(now, MinMaxReduction.MAX_POINTS);
            }
        }

        assertThat(redraws).isLessThan(700);
        assertThat(pointsSent).isLessThan(1_000_000);
        assertThat(LossSeries.liveRedrawDue(10, 11)).isTrue();
        assertThat(LossSeries.liveRedrawDue(100_000, 100_001)).isFalse();
        assertThat(LossSeries.liveRedrawDue(100_000, 90_000)).isTrue();
    }
}
