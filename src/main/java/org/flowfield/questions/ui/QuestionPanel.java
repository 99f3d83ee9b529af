package org.flowfield.questions.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.flowfield.questions.QuestionLimitException;
import org.flowfield.runs.RunNotFinishedException;
import org.flowfield.runs.RunNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exercise question of a finished run: its heading, what it shows and in which coordinates,
 * and its charts and figures. The answer is asked for when the panel is first attached (the run
 * page builds it when its tab is first opened). Heavy answers come back on a question worker: the
 * panel shows a progress bar fed by the service's progress callback and draws when the answer
 * arrives, both through {@link UI#access}, so the page never waits on the computation.
 *
 * <p>When the panel is detached (another tab, another page, a closed browser) it stops waiting for
 * the answers still coming, so the service holds nothing of the page and drops computations nobody
 * waits for; on its next attach it asks again.
 */
abstract class QuestionPanel extends VerticalLayout {

    static final String FAILED = "This answer could not be computed because of an error on the server; "
            + "it has been logged. Please try again later.";

    private static final Logger log = LoggerFactory.getLogger(QuestionPanel.class);

    protected final QuestionContext context;
    final ProgressBar progress = new ProgressBar();
    final Paragraph problem = new Paragraph();
    private final List<CompletableFuture<?>> awaited = new ArrayList<>();
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
            attempt(this::load);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (!awaited.isEmpty()) {
            List<CompletableFuture<?>> stopped = List.copyOf(awaited);
            awaited.clear();
            stopped.forEach(future -> future.cancel(false));
            progress.setVisible(false);
            loaded = false;
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
        awaited.add(future);
        future.whenComplete((answer, failure) -> {
            if (!future.isCancelled()) {
                ui.access(() -> {
                    if (awaited.remove(future)) {
                        finish(future, render);
                    }
                });
            }
        });
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
        } catch (IllegalArgumentException | QuestionLimitException e) { // InvalidQuestionInputException included
            showProblem(e.getMessage());
        }
    }

    protected void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    private <T> void finish(CompletableFuture<T> future, Consumer<T> render) {
        progress.setVisible(!awaited.isEmpty());
        T answer;
        try {
            answer = future.join();
        } catch (CompletionException | CancellationException e) {
            showProblem(explanation(e.getCause() == null ? e : e.getCause()));
            return;
        }
        problem.setVisible(false);
        render.accept(answer);
    }

    /** A failure in the user's words: the service's own messages as they are, anything else as a server error. */
    private static String explanation(Throwable failure) {
        if (failure instanceof IllegalArgumentException || failure instanceof RunNotFoundException
                || failure instanceof RunNotFinishedException) {
            return "This answer could not be computed: " + failure.getMessage();
        }
        log.error("a question's answer failed", failure);
        return FAILED;
    }
}
