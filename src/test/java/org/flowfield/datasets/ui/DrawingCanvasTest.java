package org.flowfield.datasets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flowfield.datasets.Stroke;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the browser reports as strokes is read as numbers only; the rest is left for the service to refuse. */
class DrawingCanvasTest {

    private static List<Stroke> read(String json) {
        return DrawingCanvas.strokesOf(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void strokesAreReadFromTheEventsDetail() {
        assertThat(read("[{\"w\": 0.3, \"p\": [-2, 0, 2, 0.5]}, {\"w\": 1, \"p\": [1.5, -3]}]")).containsExactly(
                new Stroke(0.3, new double[] {-2, 0, 2, 0.5}), new Stroke(1, new double[] {1.5, -3}));
    }

    @Test
    void whatIsNotAStrokeOfNumbersIsLeftOut() {
        assertThat(read("[{\"w\": \"wide\", \"p\": [0, 0]}, {\"w\": 0.3, \"p\": [0, \"x\"]}, {\"w\": 0.3, \"p\": [1, 2, 3]},"
                + " {\"w\": 0.3, \"p\": []}, {\"w\": 0.3}, 7, {\"w\": 0.5, \"p\": [1, 1]}]"))
                .containsExactly(new Stroke(0.5, new double[] {1, 1}));
        assertThat(read("{\"w\": 0.3, \"p\": [0, 0]}")).isEmpty();
        assertThat(DrawingCanvas.strokesOf(null)).isEmpty();
    }
}
