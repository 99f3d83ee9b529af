package org.flowfield.questions.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One exercise question of a finished run: its heading, what it shows and in which coordinates,
 * and its charts and figures. The answer is asked for when the panel is first attached (the run
 * page builds it when its tab is first opened). Heavy answers come back on a question worker: the
 * panel shows a progress bar fed by the service's progress callback and draws when the answer
 * arrives, both through {@link UI#access}, so the page never waits on the computation.
 */
abstract class QuestionPanel extends VerticalLayout {

    protected final QuestionContext context;
    final ProgressBar progress = new ProgressBar();
    final Paragraph problem = new Paragraph();
    private boolean loaded;

    QuestionPanel(QuestionContext context, String heading, String description) {
        this.context = context;
        setWidthFull();
        setPadding(false);
        addClassName("question-view");
        Paragraph about = new Paragraph(description);
        about.addClassName("question-description");
        progress.setVisible(false);
        progress.setWidth("320px");
        progress.addClassName("question-progress");
        problem.setVisible(false);
        problem.addClassName("question-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H3(heading), about, progress, problem);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (!loaded) {
            loaded = true;
            load();
        }
    }

    /** Asks for the answer and shows it (called once, on the UI thread, when first attached). */
    protected abstract void load();

    /**
     * Shows an answer: at once when the future is complete, otherwise when it completes, with the
     * progress bar up meanwhile. A rejected input or a failure is shown as text.
     */
    protected <T> void await(CompletableFuture<T> future, Consumer<T> render) {
        if (future.isDone()) {
            finish(future, render);
            return;
        }
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        future.whenComplete((answer, failure) -> ui.access(() -> finish(future, render)));
    }

    /** A progress callback for the service: moves the bar through {@link UI#access}, from any thread. */
    protected DoubleConsumer progressListener() {
        UI ui = UI.getCurrent();
        progress.setValue(0);
        progress.setIndeterminate(false);
        return fraction -> ui.access(() -> progress.setValue(Math.clamp(fraction, 0, 1)));
    }

    /** Runs a request, showing an invalid input's message instead of failing. */
    protected void attempt(Runnable request) {
        try {
            problem.setVisible(false);
            request.run();
        } catch (IllegalArgumentException e) { // InvalidQuestionInputException included
            showProblem(e.getMessage());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            showProblem("The server is busy answering other questions; please try again in a minute.");
        }
    }

    protected void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    private <T> void finish(CompletableFuture<T> future, Consumer<T> render) {
        progress.setVisible(false);
        T answer;
        try {
            answer = future.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            showProblem("This answer could not be computed: " + cause.getMessage());
            return;
        }
        problem.setVisible(false);
        render.accept(answer);
    }
}
