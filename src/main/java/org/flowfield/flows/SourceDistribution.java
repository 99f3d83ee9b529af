package org.flowfield.flows;

import org.flowfield.data.DataSet;

/**
 * Where flow matching transports from (docs/data.md, "Source of flow matching"): the standard normal
 * N(0, I), the default, or a data set, standardised with the statistics of its own reference sample so
 * that both ends of the path are on the scale of N(0, I).
 *
 * @param dataSet the source data set, or null for N(0, I)
 */
public record SourceDistribution(DataSet dataSet) {

    public static final SourceDistribution STANDARD_NORMAL = new SourceDistribution(null);

    /** The name of N(0, I) on the command line and in stored settings. */
    public static final String STANDARD_NORMAL_CODE = "normal";

    public static SourceDistribution of(DataSet dataSet) {
        return new SourceDistribution(dataSet);
    }

    public boolean standardNormal() {
        return dataSet == null;
    }

    /** "normal" or the data set's short name. */
    public String code() {
        return dataSet == null ? STANDARD_NORMAL_CODE : dataSet.code();
    }

    public String title() {
        return dataSet == null ? "Standard normal" : dataSet.title();
    }

    /** The source with the given short name: "normal" or a data set's. */
    public static SourceDistribution ofCode(String code) {
        if (STANDARD_NORMAL_CODE.equals(code)) {
            return STANDARD_NORMAL;
        }
        try {
            return of(DataSet.ofCode(code));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source '" + code + "': expected " + STANDARD_NORMAL_CODE
                    + " or a data set (" + DataSet.codes() + ")");
        }
    }
}
