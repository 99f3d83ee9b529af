package org.flowfield.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One play/pause button, one slider and one caption that drive the frames of several
 * {@link FlowChart}s at once, through our {@code <flowfield-player>} element: moving the slider
 * shows frame i in every chart of the player's group. The charts keep their frames (loaded with
 * {@link FlowChart#play}) and their own captions; their own controls are hidden.
 */
@Tag("flowfield-player")
@JsModule("./flowfield-player.ts")
public class FramePlayer extends Component implements HasSize {

    private final String group;
    private List<FlowChart> charts = List.of();
    private List<String> labels = List.of();

    /** @param group a name unique on the page, e.g. "compare-progression" */
    public FramePlayer(String group) {
        this.group = group;
        getElement().setAttribute("group", group);
        getElement().setAttribute("aria-label", "Frame of every chart");
        setWidthFull();
    }

    /**
     * Loads the charts' frames and the player's captions and shows frame {@code startIndex} everywhere.
     *
     * @param frames per chart, its frames; every chart the same number as there are labels
     * @param labels the player's caption of each frame
     * @return completes when the browser has loaded and painted every chart
     */
    public CompletableFuture<Void> drive(List<FlowChart> newCharts, List<List<ChartFrame>> frames, List<String> newLabels,
            double framesPerSecond, int startIndex) {
        if (newCharts.size() != frames.size()) {
            throw new IllegalArgumentException(newCharts.size() + " charts but " + frames.size() + " frame sequences");
        }
        if (newLabels.isEmpty()) {
            throw new IllegalArgumentException("a player needs at least one frame");
        }
        for (List<ChartFrame> sequence : frames) {
            if (sequence.size() != newLabels.size()) {
                throw new IllegalArgumentException("every chart needs " + newLabels.size() + " frames, got " + sequence.size());
            }
        }
        this.charts = List.copyOf(newCharts);
        this.labels = List.copyOf(newLabels);
        int start = Math.clamp(startIndex, 0, labels.size() - 1);
        CompletableFuture<?>[] loaded = new CompletableFuture<?>[charts.size()];
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).setPlayerGroup(group);
            loaded[i] = charts.get(i).play(frames.get(i), framesPerSecond, start);
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < labels.size(); i++) {
            ChartJson.string(json.append(i == 0 ? "" : ","), labels.get(i));
        }
        getElement().callJsFunction("setFrames", json.append(']').toString(), framesPerSecond, start);
        return CompletableFuture.allOf(loaded);
    }

    public String group() {
        return group;
    }

    /** The charts it drives. */
    public List<FlowChart> charts() {
        return charts;
    }

    /** The caption of each frame. */
    public List<String> labels() {
        return labels;
    }
}
