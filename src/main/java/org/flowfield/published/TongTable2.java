package org.flowfield.published;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The published numbers Flowfield's reproduction is shown beside: Table 2 of Tong, Malkin, Fatras,
 * Atanackovic, Zhang, Huguet, Wolf and Bengio, "Simulation-free Schrödinger bridges via score and
 * flow matching", AISTATS 2024 (arXiv 2307.03672), mean ± std over 5 seeds. These are the
 * paper's figures, not Flowfield's; docs/published.md says how they were read.
 */
public final class TongTable2 {

    public static final String CITATION = "Tong, Malkin, Fatras, Atanackovic, Zhang, Huguet, Wolf, Bengio, "
            + "\"Simulation-free Schrödinger bridges via score and flow matching\", AISTATS 2024, Table 2";

    private static final Map<PublishedFigure, Map<PublishedMethod, Map<PublishedTask, Band>>> ROWS =
            new EnumMap<>(PublishedFigure.class);

    static {
        row(PublishedFigure.W2, PublishedMethod.OT_CFM, b(0.303, 0.043), b(0.601, 0.027), b(0.130, 0.016), b(0.144, 0.028));
        row(PublishedFigure.W2, PublishedMethod.I_CFM, b(0.373, 0.103), b(1.557, 0.407), b(0.178, 0.014), b(0.242, 0.141));
        row(PublishedFigure.W2, PublishedMethod.FM, b(0.343, 0.058), null, b(0.209, 0.055), b(0.198, 0.037));
        row(PublishedFigure.NORMALIZED_PATH_ENERGY, PublishedMethod.OT_CFM,
                b(0.031, 0.027), b(0.015, 0.010), b(0.083, 0.009), b(0.027, 0.012));
        row(PublishedFigure.NORMALIZED_PATH_ENERGY, PublishedMethod.I_CFM,
                b(0.202, 0.055), b(2.680, 0.292), b(0.891, 0.120), b(0.856, 0.031));
        row(PublishedFigure.NORMALIZED_PATH_ENERGY, PublishedMethod.FM,
                b(0.190, 0.054), null, b(0.762, 0.099), b(0.743, 0.116));
    }

    private TongTable2() {}

    /** The published band, or empty where the paper has no entry (FM from a non-Gaussian source). */
    public static Optional<Band> band(PublishedFigure figure, PublishedMethod method, PublishedTask task) {
        return Optional.ofNullable(ROWS.get(figure).get(method).get(task));
    }

    private static Band b(double mean, double std) {
        return new Band(mean, std);
    }

    /** One row of the table, its bands in {@link PublishedTask}'s column order. */
    private static void row(PublishedFigure figure, PublishedMethod method, Band... columns) {
        Map<PublishedTask, Band> row = new EnumMap<>(PublishedTask.class);
        PublishedTask[] tasks = PublishedTask.values();
        for (int i = 0; i < tasks.length; i++) {
            if (columns[i] != null) {
                row.put(tasks[i], columns[i]);
            }
        }
        ROWS.computeIfAbsent(figure, f -> new EnumMap<>(PublishedMethod.class)).put(method, row);
    }
}
