package org.flowfield.data;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data sets a run can learn, each defined exactly in docs/data.md. Every sampler returns points in
 * the set's original coordinates and is deterministic in (n, seed); a run standardises them with its
 * training sample's statistics ({@link RingDataset}).
 */
public enum DataSet {
    /** The Olympic rings of the course exercise, the default; 5 classes (one per ring). */
    RINGS("rings", "Olympic rings", OlympicRings.NUM_CLASSES),
    EIGHT_GAUSSIANS("eight-gaussians", "Eight Gaussians", EightGaussians.COMPONENTS),
    MOONS("moons", "Two moons", 2),
    CHECKERBOARD("checkerboard", "Checkerboard", 0),
    SPIRALS("spirals", "Two spirals", 2),
    PINWHEEL("pinwheel", "Pinwheel", 0),
    CIRCLES("circles", "Concentric circles", ConcentricCircles.RADII.length),
    S_CURVE("s-curve", "S-curve", 0);

    /** Colours of the classes of the sets other than the rings (Okabe and Ito's palette). */
    private static final String[] CLASS_HEX_COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
    };

    private final String code;
    private final String title;
    private final int classes;

    DataSet(String code, String title, int classes) {
        this.code = code;
        this.title = title;
        this.classes = classes;
    }

    /** Short name used on the command line and in stored settings, e.g. "moons". */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Number of classes a class-conditional model learns; 0 for a set without classes. */
    public int classes() {
        return classes;
    }

    /** Whether the set has classes, so that a class-conditional model can learn it. */
    public boolean labelled() {
        return classes > 0;
    }

    /** Why a class-conditional model cannot learn a set without classes. */
    public String withoutClasses() {
        return title + " has no classes, so a class-conditional model cannot learn it";
    }

    /** Number of points a sample of {@code n} holds: the conditional rings keep ⌊n/5⌋ per ring. */
    public int size(DataSetKind kind, int n) {
        return this == RINGS && kind == DataSetKind.CONDITIONAL ? OlympicRings.NUM_RINGS * (n / OlympicRings.NUM_RINGS) : n;
    }

    /**
     * {@code n} points in original coordinates, labelled for {@link DataSetKind#CONDITIONAL}.
     *
     * @throws IllegalArgumentException for a conditional sample of a set without classes
     */
    public PointCloud sample(DataSetKind kind, int n, long seed) {
        boolean labelled = kind == DataSetKind.CONDITIONAL;
        if (labelled && !labelled()) {
            throw new IllegalArgumentException(withoutClasses());
        }
        return switch (this) {
            case RINGS -> RingSampler.sample(kind, n, seed);
            case EIGHT_GAUSSIANS -> EightGaussians.sample(n, seed, labelled);
            case MOONS -> TwoMoons.sample(n, seed, labelled);
            case CHECKERBOARD -> Checkerboard.sample(n, seed);
            case SPIRALS -> TwoSpirals.sample(n, seed, labelled);
            case PINWHEEL -> Pinwheel.sample(n, seed);
            case CIRCLES -> ConcentricCircles.sample(n, seed, labelled);
            case S_CURVE -> SCurve.sample(n, seed);
        };
    }

    /**
     * The exact density of the unconditional set in the standardised coordinates {@code stats} define,
     * where it is known (rings, eight Gaussians, checkerboard).
     */
    public Optional<KnownDensity> density(Standardization stats) {
        return Optional.ofNullable(switch (this) {
            case RINGS -> RingDensities.union();
            case EIGHT_GAUSSIANS -> GaussianMixtureDensity.mixture();
            case CHECKERBOARD -> CheckerboardDensity.uniform();
            default -> null;
        }).map(original -> new StandardizedDensity(original, stats));
    }

    /**
     * The exact class-conditional densities of the labelled set in the standardised coordinates
     * {@code stats} define, where they are known (rings, eight Gaussians).
     */
    public Optional<ClassConditionalDensity> classDensity(Standardization stats) {
        return switch (this) {
            case RINGS -> Optional.of(new EqualClasses(classes,
                    label -> new StandardizedDensity(RingDensities.ring(ringOfLabel(label)), stats)));
            case EIGHT_GAUSSIANS -> Optional.of(new EqualClasses(classes,
                    label -> new StandardizedDensity(GaussianMixtureDensity.component(label), stats)));
            default -> Optional.empty();
        };
    }

    /** The name of a class, e.g. "blue" for the rings' class 1 or "class 1" otherwise. */
    public String className(int label) {
        checkLabel(label);
        return this == RINGS ? OlympicRings.colourOfLabel(label) : "class " + label;
    }

    /** The CSS colour charts use for a class: the logo's colours for the rings. */
    public String classHexColour(int label) {
        checkLabel(label);
        return this == RINGS ? OlympicRings.hexColourOfLabel(label) : CLASS_HEX_COLOURS[label];
    }

    /** The set with the given short name; throws with the valid names otherwise. */
    public static DataSet ofCode(String code) {
        for (DataSet set : values()) {
            if (set.code.equals(code)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + code + "': expected one of " + codes());
    }

    /** The short names, comma-separated, for messages and usage lines. */
    public static String codes() {
        return Arrays.stream(values()).map(DataSet::code).collect(Collectors.joining(", "));
    }

    private static int ringOfLabel(int label) {
        for (int ring = 0; ring < OlympicRings.NUM_RINGS; ring++) {
            if (OlympicRings.labelOfRing(ring) == label) {
                return ring;
            }
        }
        throw new IndexOutOfBoundsException("no ring has class " + label);
    }

    private void checkLabel(int label) {
        if (label < 0 || label >= classes) {
            throw new IndexOutOfBoundsException(title + " has classes 0.." + (classes - 1) + ", got " + label);
        }
    }
}
