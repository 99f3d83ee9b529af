package org.flowfield.published;

import java.util.Map;

/**
 * What a viewer sees of one cell of the protocol: how far its runs got and their figures.
 *
 * @param runs the cell's runs the viewer may see
 * @param queued those waiting for a trainer
 * @param running those training
 * @param finished those finished (with or without their transport figures yet)
 * @param figures each figure of the table, the paper's beside Flowfield's
 */
public record ProtocolCell(PublishedTask task, PublishedMethod method, int runs, int queued, int running, int finished,
        Map<PublishedFigure, FigureComparison> figures) {

    public ProtocolCell {
        figures = Map.copyOf(figures);
    }

    /** Runs that failed or were cancelled. */
    public int stopped() {
        return runs - queued - running - finished;
    }

    public FigureComparison figure(PublishedFigure figure) {
        return figures.get(figure);
    }
}
