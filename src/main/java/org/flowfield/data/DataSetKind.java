package org.flowfield.data;

/** The two Olympic-rings data sets of docs/data.md. */
public enum DataSetKind {
    /** Points uniform over the union of the five annuli, without labels. */
    UNCONDITIONAL,
    /** The same number of points per ring, each labelled with its ring's class. */
    CONDITIONAL
}
