package org.flowfield.load;

import java.time.Duration;

/**
 * How hard the load test pushes: {@code flowfield.load.users} people (of whom
 * {@code flowfield.load.browsers} sit in real Chromium pages on the heavy tabs, the rest are
 * Gatling's virtual users) for {@code flowfield.load.minutes}, against a queue of
 * {@code flowfield.load.slots} training slots (by default one for every two API users, so that runs
 * wait and the queue's fairness shows). Queue waits count towards fairness from the end of the
 * warm-up on (the first quarter of the test), when the class has arrived and the queue is in its
 * steady state.
 */
record LoadSettings(int users, int browsers, Duration duration, int slots) {

    static LoadSettings fromSystemProperties() {
        int users = Integer.getInteger("flowfield.load.users", 10);
        int browsers = Integer.getInteger("flowfield.load.browsers", users >= 30 ? 3 : 2);
        double minutes = Double.parseDouble(System.getProperty("flowfield.load.minutes", "0.75"));
        int slots = Integer.getInteger("flowfield.load.slots", Math.max(2, (users - browsers) / 2));
        if (browsers < 2 || users - browsers < 1) {
            throw new IllegalArgumentException("the load test needs at least 2 browsers (one hammers) and one API user");
        }
        return new LoadSettings(users, browsers, Duration.ofMillis(Math.round(minutes * 60_000)), slots);
    }

    Duration warmUp() {
        return duration.dividedBy(4);
    }

    /** The people Gatling plays: everyone not in a browser. */
    int apiUsers() {
        return users - browsers;
    }
}
