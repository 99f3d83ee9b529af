package org.flowfield.questions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Arrays;
import java.util.function.Consumer;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.questions.QuestionInputs;

/**
 * The student's points for §3.3 Q5 and §4.3 Q5, in standardised coordinates: typed in (x, y) or
 * added by a click on the chart, removed one by one, or reset to the exercise's three inside and
 * two outside the logo. Every change is saved for the account ({@link ChosenPointsService}), so the
 * same points open in both questions and in every run; then {@code changed} receives the new
 * points, or null for the exercise's defaults.
 */
class PointPicker extends HorizontalLayout {

    final NumberField x = new NumberField("x (standardised)");
    final NumberField y = new NumberField("y (standardised)");
    final Button add = new Button("Add point");
    final Button reset = new Button("Reset to the exercise's points");
    private final QuestionContext context;
    private final Consumer<float[]> changed;
    private float[] points = new float[0];

    /**
     * @param guard runs an edit, showing a rejected point's message instead of failing
     */
    PointPicker(QuestionContext context, Consumer<float[]> changed, Consumer<Runnable> guard) {
        this.context = context;
        this.changed = changed;
        for (NumberField field : new NumberField[] {x, y}) {
            field.setMin(-QuestionInputs.MAX_ABS_COORDINATE);
            field.setMax(QuestionInputs.MAX_ABS_COORDINATE);
            field.setStep(0.01);
            field.setWidth("10em");
        }
        add.addClickListener(click -> guard.accept(() -> {
            if (x.getValue() == null || y.getValue() == null) {
                throw new IllegalArgumentException("type both x and y as numbers within ±"
                        + QuestionCharts.number(QuestionInputs.MAX_ABS_COORDINATE, 0) + " to add a point");
            }
            add(x.getValue(), y.getValue());
        }));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(click -> {
            context.chosenPoints().clear(context.viewer());
            changed.accept(null);
        });
        setAlignItems(FlexComponent.Alignment.BASELINE);
        add(x, y, add, reset);
    }

    /** The account's saved points, or null for the exercise's defaults. */
    float[] saved() {
        return context.chosenPoints().find(context.viewer()).orElse(null);
    }

    /** The points now shown (as the question's answer gives them). */
    void shown(float[] current) {
        points = current.clone();
        add.setEnabled(points.length / 2 < QuestionInputs.MAX_POINTS);
    }

    int count() {
        return points.length / 2;
    }

    /** Adds a point (standardised) and saves the list; throws when it is out of bounds or one too many. */
    void add(double px, double py) {
        float[] more = Arrays.copyOf(points, points.length + 2);
        more[points.length] = (float) px;
        more[points.length + 1] = (float) py;
        changed.accept(context.chosenPoints().save(context.viewer(), more));
    }

    /**
     * Removes point i (the last point stays: a question needs at least one).
     *
     * @throws IllegalArgumentException when there is no point i
     */
    void remove(int i) {
        if (i < 0 || i >= count()) {
            throw new IllegalArgumentException("there is no point " + ((long) i + 1) + " to remove; there are " + count());
        }
        if (count() <= 1) {
            return;
        }
        float[] fewer = new float[points.length - 2];
        System.arraycopy(points, 0, fewer, 0, 2 * i);
        System.arraycopy(points, 2 * i + 2, fewer, 2 * i, points.length - 2 * i - 2);
        changed.accept(context.chosenPoints().save(context.viewer(), fewer));
    }
}
