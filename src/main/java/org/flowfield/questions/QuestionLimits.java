package org.flowfield.questions;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many new heavy answers (density maps, Δt sweeps, flow progressions, class samples, the
 * bonus) one person may have computed within a sliding window. Answers already kept, and
 * computations someone else already started, cost nothing. Read on every request, so an
 * administrator's change applies to the next one.
 */
@Component
public class QuestionLimits {

    public static final int DEFAULT_COMPUTATIONS_PER_PERSON = 12;
    public static final long DEFAULT_WINDOW_SECONDS = 60;

    private volatile int computationsPerPerson;
    private volatile Duration window;

    QuestionLimits(
            @Value("${flowfield.questions.computations-per-person:" + DEFAULT_COMPUTATIONS_PER_PERSON + "}") int computationsPerPerson,
            @Value("${flowfield.questions.window-seconds:" + DEFAULT_WINDOW_SECONDS + "}") long windowSeconds) {
        setComputationsPerPerson(computationsPerPerson);
        setWindow(Duration.ofSeconds(windowSeconds));
    }

    /** New heavy computations one person may start per {@link #window()}. */
    public int computationsPerPerson() {
        return computationsPerPerson;
    }

    public void setComputationsPerPerson(int computations) {
        if (computations < 1) {
            throw new IllegalArgumentException("a person must be allowed at least 1 heavy computation per window, got " + computations);
        }
        this.computationsPerPerson = computations;
    }

    public Duration window() {
        return window;
    }

    public void setWindow(Duration window) {
        if (window == null || window.toSeconds() < 1) {
            throw new IllegalArgumentException("the window of the heavy-computation limit must be at least 1 second, got " + window);
        }
        this.window = window;
    }
}
