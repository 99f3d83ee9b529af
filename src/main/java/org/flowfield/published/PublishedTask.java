package org.flowfield.published;

/** The four two-dimensional transport problems of Tong et al. (2024), Table 2, in its column order. */
public enum PublishedTask {
    NORMAL_TO_EIGHT_GAUSSIANS("N → 8 Gaussians"),
    EIGHT_GAUSSIANS_TO_MOONS("8 Gaussians → moons"),
    NORMAL_TO_MOONS("N → moons"),
    NORMAL_TO_S_CURVE("N → S-curve");

    private final String title;

    PublishedTask(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
