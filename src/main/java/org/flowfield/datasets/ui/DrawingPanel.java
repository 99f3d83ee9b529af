package org.flowfield.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.flowfield.data.PointCloud;
import org.flowfield.datasets.DataSetLimits;
import org.flowfield.datasets.InvalidDataSetException;
import org.flowfield.datasets.InvalidDataSetNameException;
import org.flowfield.datasets.StorageFullException;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;

/**
 * Drawing a data set: paint strokes, preview the points sampled uniformly under them, name it and
 * save it.
 */
class DrawingPanel extends VerticalLayout {

    static final double DEFAULT_BRUSH_WIDTH = 0.3;
    static final int DEFAULT_POINTS = 2_000;
    /** The seed of the sampler: the preview and the stored points are the same. */
    static final long SEED = 0;

    final DrawingCanvas canvas = new DrawingCanvas();
    final NumberField brushWidth = new NumberField("Brush width");
    final IntegerField points = new IntegerField("Points");
    final Button preview = new Button("Preview points");
    final TextField name = new TextField("Name of the drawing");
    final Button save = new Button("Save drawing");
    final ProblemList problems = new ProblemList("drawing-problems");
    final PointsPreview chart = new PointsPreview("drawing-preview");
    private final UserDataSets dataSets;
    private final UUID me;
    private final Consumer<UserDataSet> saved;

    DrawingPanel(UserDataSets dataSets, UUID me, Consumer<UserDataSet> saved) {
        this.dataSets = dataSets;
        this.me = me;
        this.saved = saved;
        setPadding(false);
        brushWidth.setMin(DataSetLimits.MIN_BRUSH_WIDTH);
        brushWidth.setMax(DataSetLimits.MAX_BRUSH_WIDTH);
        brushWidth.setStep(0.05);
        brushWidth.setStepButtonsVisible(true);
        brushWidth.setValue(DEFAULT_BRUSH_WIDTH);
        brushWidth.setHelperText(DataSetLimits.MIN_BRUSH_WIDTH + " to " + DataSetLimits.MAX_BRUSH_WIDTH + " (the canvas is "
                + 2 * DataSetLimits.DRAWING_HALF_WIDTH + " wide)");
        canvas.setBrushWidth(DEFAULT_BRUSH_WIDTH);
        brushWidth.addValueChangeListener(change -> {
            Double width = change.getValue();
            if (width != null && width >= DataSetLimits.MIN_BRUSH_WIDTH && width <= DataSetLimits.MAX_BRUSH_WIDTH) {
                canvas.setBrushWidth(width);
            }
        });
        points.setMin(DataSetLimits.MIN_POINTS);
        points.setMax(DataSetLimits.MAX_POINTS);
        points.setValue(DEFAULT_POINTS);
        points.setHelperText(DataSetLimits.MIN_POINTS + " to " + DataSetLimits.MAX_POINTS);
        name.setMaxLength(DataSetLimits.MAX_NAME_LENGTH);
        preview.addClickListener(click -> showPreview());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveDrawing());
        canvas.addStrokesChangedListener(strokes -> problems.clear());
        HorizontalLayout settings = new HorizontalLayout(brushWidth, points, preview);
        settings.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout saving = new HorizontalLayout(name, save);
        saving.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout pictures = new HorizontalLayout(canvas, chart);
        add(new H3("Draw a data set"),
                new Paragraph("Paint with the mouse; the points are spread uniformly under your strokes, so the data's density is known exactly."),
                settings, pictures, saving, problems);
    }

    private void showPreview() {
        try {
            PointCloud sampled = dataSets.sampleDrawing(canvas.strokes(), count(), SEED);
            problems.clear();
            chart.show("Preview: " + sampled.size() + " points", sampled, true);
        } catch (InvalidDataSetException e) {
            problems.show(e.problems());
        }
    }

    private void saveDrawing() {
        try {
            UserDataSet dataSet = dataSets.saveDrawing(me, name.getValue(), canvas.strokes(), count(), SEED);
            name.setInvalid(false);
            problems.clear();
            name.clear();
            saved.accept(dataSet);
        } catch (InvalidDataSetNameException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        } catch (InvalidDataSetException e) {
            name.setInvalid(false);
            problems.show(e.problems());
        } catch (StorageFullException e) {
            problems.show(List.of(e.getMessage()));
        }
    }

    private int count() {
        Integer value = points.getValue();
        return value == null ? 0 : value;
    }
}
