package org.flowfield.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.hostile.HostileInputs.ClickCase;
import org.flowfield.ui.chart.ChartLayout;
import org.flowfield.ui.chart.FlowChart;
import org.flowfield.ui.chart.PlotClick;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forged chart-click events ({@link HostileInputs#clicks()}) reach a chart's click listeners only
 * as two finite coordinates; anything else is ignored, never an exception on the server.
 */
class HostileChartClicksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FlowChart chart;
    private final List<double[]> heard = new ArrayList<>();

    @BeforeEach
    void aChartWithAClickListener() {
        MockVaadin.setup();
        chart = new FlowChart(ChartLayout.scatter("points", "x", "y"));
        chart.addPlotClickListener((x, y) -> heard.add(new double[] {x, y}));
        UI.getCurrent().add(chart);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    static List<ClickCase> clicks() {
        return HostileInputs.clicks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clicks")
    void onlyTwoFiniteCoordinatesMakeAClick(ClickCase click) {
        JsonNode data = JSON.readTree(click.json());

        ElementUtilsKt._fireDomEvent(chart.getElement(), new DomEvent(chart.getElement(), "chart-click", data));

        if (click.point() == null) {
            assertThat(heard).isEmpty();
            assertThat(PlotClick.from(data)).isEmpty();
        } else {
            assertThat(heard).singleElement().isEqualTo(click.point());
            assertThat(PlotClick.from(data)).contains(new PlotClick(click.point()[0], click.point()[1]));
        }
    }
}
