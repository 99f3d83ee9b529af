package org.flowfield.published;

/**
 * The rows of Tong et al. (2024), Table 2, that Flowfield can train. Lipman et al.'s flow matching
 * is shown beside them but not reproduced here: its path needs a Gaussian source, so the table has
 * no entry for 8 Gaussians → moons.
 */
public enum PublishedMethod {
    /** Conditional flow matching with noise and data paired by a minibatch optimal-transport plan. */
    OT_CFM("OT-CFM (minibatch OT)", true),
    /** Conditional flow matching with noise and data drawn independently. */
    I_CFM("I-CFM (independent coupling)", true),
    /** Flow matching with Lipman et al.'s Gaussian path. */
    FM("FM (Lipman et al.)", false);

    private final String title;
    private final boolean reproduced;

    PublishedMethod(String title, boolean reproduced) {
        this.title = title;
        this.reproduced = reproduced;
    }

    public String title() {
        return title;
    }

    /** Whether the protocol page trains this method; the others are shown for reference. */
    public boolean reproduced() {
        return reproduced;
    }

    /** Whether minibatch optimal transport pairs source and target points. */
    public boolean minibatchOptimalTransport() {
        return this == OT_CFM;
    }
}
