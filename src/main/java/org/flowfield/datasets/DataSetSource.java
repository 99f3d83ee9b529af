package org.flowfield.datasets;

/** How a user's data set came to be. */
public enum DataSetSource {
    /** Brush strokes on the canvas; its points are uniform under the strokes. */
    DRAWN,
    /** A CSV file of x,y[,class] lines. */
    UPLOADED
}
