package org.flowfield.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A chart of line and scatter series, drawn in the browser by ApexCharts 4.7.0 through our
 * {@code <flowfield-chart>} element. Series can be replaced as often as new data arrives; each
 * draw completes only when the browser has painted it, so a caller can send frames no faster than
 * the browser draws them. A chart can also hold a sequence of frames that the browser plays with
 * a play/pause button and a slider. Every chart offers PNG, SVG and CSV downloads.
 *
 * <p>The Java side keeps what it last sent ({@link #series()}, {@link #frames()}), which is
 * what the chart shows once the browser has drawn it.
 */
@Tag("flowfield-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./flowfield-chart.ts")
public class FlowChart extends Component implements HasSize {

    private ChartLayout layout;
    private List<ChartSeries> series = List.of();
    private List<ChartFrame> frames = List.of();

    public FlowChart(ChartLayout layout) {
        setWidthFull();
        configure(layout);
    }

    /** Changes the chart's layout (kind, titles, axis ranges). */
    public final void configure(ChartLayout newLayout) {
        this.layout = newLayout;
        getElement().callJsFunction("configure", ChartJson.layout(newLayout));
        if (!series.isEmpty()) {
            getElement().callJsFunction("draw", ChartJson.series(series));
        }
    }

    /**
     * Replaces the drawn series.
     *
     * @return completes when the browser has painted them (never, while the chart is detached)
     */
    public CompletableFuture<Void> draw(List<ChartSeries> newSeries) {
        this.series = List.copyOf(newSeries);
        this.frames = List.of();
        return getElement().callJsFunction("draw", ChartJson.series(series)).toCompletableFuture(Void.class);
    }

    /**
     * Loads frames into the chart's player and shows frame {@code startIndex}; the browser plays
     * them at {@code framesPerSecond} when the user presses play or drags the slider.
     */
    public CompletableFuture<Void> play(List<ChartFrame> newFrames, double framesPerSecond, int startIndex) {
        if (newFrames.isEmpty()) {
            throw new IllegalArgumentException("a player needs at least one frame");
        }
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("frames per second must be positive, got " + framesPerSecond);
        }
        this.frames = List.copyOf(newFrames);
        int start = Math.clamp(startIndex, 0, frames.size() - 1);
        this.series = frames.get(start).series();
        return getElement().callJsFunction("setFrames", ChartJson.frames(frames), framesPerSecond, start)
                .toCompletableFuture(Void.class);
    }

    /**
     * Lets a {@link FramePlayer} of this group drive the chart's frames: the chart's own play button
     * and slider are hidden (its frame caption stays). Null gives the chart its own controls back.
     */
    public void setPlayerGroup(String group) {
        getElement().setAttribute("data-player-group", group == null ? "" : group);
        getElement().setAttribute("external-player", group != null);
        if (group == null) {
            getElement().removeAttribute("data-player-group");
        }
    }

    /** The group of the {@link FramePlayer} that drives this chart, or null when it has its own controls. */
    public String playerGroup() {
        return getElement().getAttribute("data-player-group");
    }

    /**
     * Calls back with the data coordinates of a click inside the plot area; an event without two
     * finite coordinates is ignored ({@link PlotClick#from}).
     */
    public Registration addPlotClickListener(BiConsumer<Double, Double> listener) {
        return getElement().addEventListener("chart-click", event -> PlotClick.from(event.getEventData())
                        .ifPresent(click -> listener.accept(click.x(), click.y())))
                .addEventData(PlotClick.X)
                .addEventData(PlotClick.Y);
    }

    public ChartLayout layout() {
        return layout;
    }

    /** The series last sent to the browser. */
    public List<ChartSeries> series() {
        return series;
    }

    /** The frames of the player, empty when the chart shows plain series. */
    public List<ChartFrame> frames() {
        return frames;
    }
}
