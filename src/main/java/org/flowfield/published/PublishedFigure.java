package org.flowfield.published;

/** The two figures Table 2 of Tong et al. (2024) reports; see docs/figures.md for their definitions. */
public enum PublishedFigure {
    /** The exact 2-Wasserstein distance between generated samples and test points. */
    W2("W2"),
    /** The normalized path energy, |E ∫ |v|² dt − W2²(q0, q1)| / W2²(q0, q1). */
    NORMALIZED_PATH_ENERGY("NPE");

    private final String title;

    PublishedFigure(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
