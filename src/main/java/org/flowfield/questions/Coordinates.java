package org.flowfield.questions;

/** Which coordinates a point given by a user is in (docs/data.md, "Standardisation"). */
public enum Coordinates {
    /** The rings' own coordinates: centres (0, 0), (2, 0), (4, 0), (1, −1), (3, −1), radius 1. */
    ORIGINAL,
    /** The run's standardised coordinates, the ones the model sees. */
    STANDARDISED
}
