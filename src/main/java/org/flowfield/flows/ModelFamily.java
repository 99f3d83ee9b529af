package org.flowfield.flows;

import org.flowfield.data.DataSetKind;

/** The three kinds of model Flowfield trains, with the data set each one learns. */
public enum ModelFamily {
    /** Affine coupling layers with permutations, trained by exact maximum likelihood (exercise §3). */
    NORMALIZING_FLOW("nf", "Normalizing flow", DataSetKind.UNCONDITIONAL),
    /** A vector field trained on linear conditional paths (exercise §4, Algorithm 1). */
    FLOW_MATCHING("fm", "Flow matching", DataSetKind.UNCONDITIONAL),
    /** Flow matching with the ring's class as a second input (exercise §4.3, conditional part). */
    CONDITIONAL_FLOW_MATCHING("cfm", "Class-conditional flow matching", DataSetKind.CONDITIONAL);

    private final String code;
    private final String title;
    private final DataSetKind dataSet;

    ModelFamily(String code, String title, DataSetKind dataSet) {
        this.code = code;
        this.title = title;
        this.dataSet = dataSet;
    }

    /** Short name used on the command line and in files: nf, fm or cfm. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public DataSetKind dataSet() {
        return dataSet;
    }

    public boolean conditional() {
        return dataSet == DataSetKind.CONDITIONAL;
    }

    /** The family with the given short name; throws with the valid names otherwise. */
    public static ModelFamily ofCode(String code) {
        for (ModelFamily family : values()) {
            if (family.code.equals(code)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown model '" + code + "': expected nf, fm or cfm");
    }
}
