package org.flowfield.flows.fm;

/**
 * Fixed-step integrators of dy/dt = v(y, t). Euler is the exercise's Algorithm 2 (Eq. 17, and
 * Eq. 18 with a negative step); midpoint and RK4 are its second- and fourth-order relatives.
 */
public enum OdeSolver {
    EULER("Euler", 1),
    MIDPOINT("Midpoint", 2),
    RK4("Runge-Kutta 4", 4);

    private final String title;
    private final int evaluationsPerStep;

    OdeSolver(String title, int evaluationsPerStep) {
        this.title = title;
        this.evaluationsPerStep = evaluationsPerStep;
    }

    public String title() {
        return title;
    }

    public int evaluationsPerStep() {
        return evaluationsPerStep;
    }
}
