package org.flowfield.published;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One figure of one cell: the paper's band beside Flowfield's over the seeds that finished with it.
 *
 * @param paper the published mean ± std; empty where the paper has no entry
 * @param flowfield mean ± std over Flowfield's seeds; empty before any seed has the figure
 * @param seeds how many of Flowfield's seeds have the figure
 */
public record FigureComparison(PublishedFigure figure, Optional<Band> paper, Optional<Band> flowfield, int seeds) {

    /** Whether Flowfield's mean lies within the paper's mean ± std; false while either is missing. */
    public boolean withinPaperBand() {
        return paper.isPresent() && flowfield.isPresent() && paper.get().contains(flowfield.get().mean());
    }

    /** How many of the paper's stds Flowfield's mean lies from the paper's; empty while either is missing. */
    public OptionalDouble paperDeviations() {
        return paper.isPresent() && flowfield.isPresent()
                ? OptionalDouble.of(paper.get().deviations(flowfield.get().mean())) : OptionalDouble.empty();
    }
}
