package org.flowfield.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.flowfield.data.DataSet;
import org.flowfield.data.PointCloud;
import org.flowfield.metrics.QualityFigures;
import org.flowfield.runs.EpochRecord;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunStatus;
import org.flowfield.ui.chart.ChartFrame;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.SampleSeries;

/**
 * A run's training, live or replayed: progress bar with steps, speed and time left; the loss
 * curve; the model's samples after the newest epoch; and once the run has finished, the final
 * quality figures and a player over the samples epoch by epoch.
 */
class TrainingPanel extends VerticalLayout {

    /** Shown, as an error, when the held-out NLL is below the data's entropy. */
    static final String NLL_BELOW_ENTROPY = "Error: the held-out NLL is below the data's entropy H. No correct likelihood "
            + "can be (their difference is a KL divergence, never negative): the likelihood computation or the data's "
            + "density is wrong.";

    /** Epochs the replay shows per second. */
    static final double REPLAY_EPOCHS_PER_SECOND = 3;

    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final FlowChart lossChart;
    final FlowChart sampleChart = new FlowChart(SampleSeries.standardisedLayout("Samples"));
    final Div figures = new Div();
    final Div truthFigures = new Div();
    final Div transportFigures = new Div();
    final Span nllBelowEntropy = new Span(NLL_BELOW_ENTROPY);
    private int drawnSamplesEpoch = -2;
    private int drawnLossPoints = -1;
    private boolean replaying;

    TrainingPanel(Run run) {
        lossChart = new FlowChart(LossSeries.layout(run.config().family()));
        progressText.addClassName("run-progress-text");
        lossChart.addClassName("loss-chart");
        sampleChart.addClassName("sample-chart");
        figures.addClassName("run-figures");
        truthFigures.addClassName("run-truth-figures");
        transportFigures.addClassName("run-transport-figures");
        nllBelowEntropy.addClassName("run-figures-error");
        nllBelowEntropy.getElement().getThemeList().add("badge error");
        nllBelowEntropy.setVisible(false);
        FlexLayout charts = new FlexLayout(lossChart, sampleChart);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        lossChart.setMinWidth("320px");
        sampleChart.setMinWidth("320px");
        charts.setFlexGrow(1, lossChart, sampleChart);
        lossChart.getStyle().set("flex-basis", "45%");
        sampleChart.getStyle().set("flex-basis", "45%");
        setPadding(false);
        add(progress, progressText, charts, figures, nllBelowEntropy, truthFigures, transportFigures);
    }

    /**
     * Shows a frame; completes when the browser has drawn what changed.
     *
     * @param snapshots the stored snapshot of each epoch, read when a finished run's replay is built
     */
    CompletableFuture<Void> show(RunFrame frame, IntFunction<PointCloud> snapshots) {
        Run run = frame.run();
        progress.setValue(run.status() == RunStatus.FINISHED ? 1 : frame.fractionDone());
        progressText.setText(progressLine(frame));
        List<CompletableFuture<Void>> drawn = new ArrayList<>();
        if (frame.loss().size() != drawnLossPoints
                && (run.status() != RunStatus.RUNNING || LossSeries.liveRedrawDue(drawnLossPoints, frame.loss().size()))) {
            drawnLossPoints = frame.loss().size();
            drawn.add(lossChart.draw(LossSeries.of(run.config().family(), frame.loss())));
        }
        if (run.status() == RunStatus.FINISHED && !frame.epochs().isEmpty()) {
            if (!replaying) {
                replaying = true;
                drawn.add(sampleChart.play(replay(frame.epochs(), snapshots, run.config().dataSet()), REPLAY_EPOCHS_PER_SECOND,
                        frame.epochs().size() - 1));
            }
        } else if (frame.samples() != null && frame.samplesEpoch() != drawnSamplesEpoch) {
            drawnSamplesEpoch = frame.samplesEpoch();
            drawn.add(sampleChart.draw(SampleSeries.of("samples", frame.samples(), run.config().dataSet())));
        }
        figures.setText(figuresLine(run.figures()));
        truthFigures.setText(TruthFiguresText.againstTheData(run.figures()));
        transportFigures.setText(TruthFiguresText.transport(run.figures()));
        nllBelowEntropy.setVisible(run.figures() != null && run.figures().nllBelowEntropy());
        return CompletableFuture.allOf(drawn.toArray(CompletableFuture[]::new));
    }

    private static List<ChartFrame> replay(List<EpochRecord> epochs, IntFunction<PointCloud> snapshots, DataSet dataSet) {
        List<ChartFrame> frames = new ArrayList<>();
        for (EpochRecord epoch : epochs) {
            frames.add(new ChartFrame(String.format(Locale.ROOT, "epoch %d of %d", epoch.epoch() + 1, epochs.size()),
                    SampleSeries.of("samples", snapshots.apply(epoch.epoch()), dataSet)));
        }
        return frames;
    }

    static String progressLine(RunFrame frame) {
        Run run = frame.run();
        String steps = String.format(Locale.ROOT, "%,d of %,d steps", frame.stepsDone(), run.totalSteps());
        return switch (run.status()) {
            case QUEUED -> "Queued · " + steps;
            case RUNNING -> run.waitingToResume() ? steps + " · interrupted (its server stopped); waiting to resume from its last checkpoint"
                    : frame.stepsDone() >= run.totalSteps() ? steps + " · computing the held-out figures"
                    : steps + speedAndTimeLeft(frame);
            case FINISHED -> steps + (Double.isNaN(frame.stepsPerSecond()) ? ""
                    : String.format(Locale.ROOT, " · %,.0f steps/s", frame.stepsPerSecond()));
            case FAILED -> "Failed at " + steps + ": " + run.failureReason();
            case CANCELLED -> "Cancelled at " + steps;
        };
    }

    private static String speedAndTimeLeft(RunFrame frame) {
        if (Double.isNaN(frame.stepsPerSecond())) {
            return "";
        }
        return String.format(Locale.ROOT, " · %,.0f steps/s · %s left", frame.stepsPerSecond(), duration(frame.secondsLeft()));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "unknown time";
        }
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    static String figuresLine(QualityFigures figures) {
        if (figures == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Held-out NLL %.3f (%s) · in-ring fraction %.3f · sliced W2 %.4f (%s)",
                figures.heldOutNll(), figures.likelihoodMethod(), figures.inRingFraction(), figures.slicedW2(), figures.sampler());
    }
}
