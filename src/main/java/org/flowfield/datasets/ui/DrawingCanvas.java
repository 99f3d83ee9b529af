package org.flowfield.datasets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flowfield.datasets.DataSetLimits;
import org.flowfield.datasets.Stroke;
import tools.jackson.databind.JsonNode;

/**
 * The canvas a student paints a data set on, with a round brush of a chosen width, undo and
 * clear: our {@code <flowfield-drawing>} element. It shows the square of side
 * 2 × {@link DataSetLimits#DRAWING_HALF_WIDTH} in the data's coordinates and reports every stroke
 * in them; the server keeps what it last reported ({@link #strokes()}).
 */
@Tag("flowfield-drawing")
@JsModule("./flowfield-drawing.ts")
public class DrawingCanvas extends Component {

    private final List<Consumer<List<Stroke>>> listeners = new ArrayList<>();
    private List<Stroke> strokes = List.of();

    public DrawingCanvas() {
        getElement().setAttribute("half-width", String.valueOf(DataSetLimits.DRAWING_HALF_WIDTH));
        getElement().setAttribute("max-strokes", String.valueOf(DataSetLimits.MAX_STROKES));
        getElement().setAttribute("max-stroke-points", String.valueOf(DataSetLimits.MAX_STROKE_POINTS));
        getElement().addEventListener("strokes-changed", event -> {
            strokes = strokesOf(event.getEventData().get("event.detail"));
            listeners.forEach(listener -> listener.accept(strokes));
        }).addEventData("event.detail");
    }

    /** The width of the strokes painted from now on, in the data's coordinates. */
    public void setBrushWidth(double width) {
        getElement().setAttribute("brush-width", String.valueOf(width));
    }

    /** The strokes on the canvas, as the browser last reported them. */
    public List<Stroke> strokes() {
        return strokes;
    }

    /** Runs {@code listener} with the strokes whenever they change. */
    public void addStrokesChangedListener(Consumer<List<Stroke>> listener) {
        listeners.add(listener);
    }

    /**
     * The strokes of an event's detail, [{w, p: [x0, y0, ...]}]; what is not numbers is left out,
     * and the service checks the rest (the browser is not trusted).
     */
    static List<Stroke> strokesOf(JsonNode detail) {
        List<Stroke> result = new ArrayList<>();
        if (detail == null || !detail.isArray()) {
            return List.of();
        }
        for (JsonNode stroke : detail) {
            JsonNode width = stroke.get("w");
            JsonNode points = stroke.get("p");
            if (width == null || !width.isNumber() || points == null || !points.isArray() || points.isEmpty() || points.size() % 2 != 0) {
                continue;
            }
            double[] xy = new double[points.size()];
            boolean numbers = true;
            for (int i = 0; i < xy.length && numbers; i++) {
                numbers = points.get(i).isNumber();
                xy[i] = numbers ? points.get(i).doubleValue() : Double.NaN;
            }
            if (numbers) {
                result.add(new Stroke(width.doubleValue(), xy));
            }
        }
        return List.copyOf(result);
    }
}
