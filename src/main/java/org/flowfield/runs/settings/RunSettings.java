package org.flowfield.runs.settings;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.LearningRateSchedule;

/**
 * The settings of one training run as a user enters them in a form: every field may be empty
 * ({@code null}), and nothing here is checked. {@link RunSettingsValidator} says what is wrong
 * with them, and {@link RunSettingsMapper} turns valid settings into the core's
 * {@link org.flowfield.training.TrainingConfig}.
 *
 * <p>This is a mutable JavaBean (a public no-argument constructor, a getter and a void setter per
 * property, boxed types) rather than a record, because a form binder such as Vaadin's
 * {@code Binder} reads and writes the bean property by property while the user types, and needs
 * "empty" to be representable for every field ({@code null}) so that a missing value can be
 * reported as missing instead of silently becoming 0. Text typed into a numeric field that is not
 * a number of its kind ("abc" as the seed, "Infinity" as the learning rate) leaves the field empty
 * and is kept as the field's {@linkplain #unreadable() unreadable entry} ({@link SettingText}
 * reads typed text), so that the validator rejects it by name wherever it arrives, the service
 * included, and no default takes its place. The constants ({@link #POINTS} and so on)
 * are the property names, usable both for binding and as {@link FieldError#field()}; each
 * property's label, bounds, families and storage are declared once in {@link RunSettingsSchema}. Use
 * {@link #copy()} to take a snapshot that later edits of the form cannot change.
 *
 * <p>Which fields matter depends on the family (see {@link #fieldsFor(ModelFamily)}): the
 * coupling-flow fields for a normalizing flow, the vector-field fields for flow matching, and the
 * class embedding only for class-conditional flow matching. The others may hold anything; they are
 * neither validated nor used, so that switching the family back and forth in a form keeps what was
 * entered without blocking the run.
 *
 * <p>{@link #equals} and {@link #hashCode} compare all fields; since the bean is mutable, do not
 * change one while it is a key of a hash map or an element of a hash set.
 */
public class RunSettings {

    /** The run's name, shown in lists of runs. */
    public static final String NAME = "name";
    /** The model family: normalizing flow, flow matching or class-conditional flow matching. */
    public static final String FAMILY = "family";
    public static final String POINTS = "points";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batchSize";
    public static final String LEARNING_RATE = "learningRate";
    public static final String SCHEDULE = "schedule";
    public static final String SEED = "seed";
    /** Normalizing flow: number of affine coupling layers. */
    public static final String COUPLING_LAYERS = "couplingLayers";
    /** Normalizing flow: hidden width of each coupling network. */
    public static final String NF_HIDDEN_WIDTH = "nfHiddenWidth";
    /** Normalizing flow: linear layers of each coupling network. */
    public static final String NF_LINEAR_LAYERS = "nfLinearLayers";
    /** Flow matching: hidden width of the vector field. */
    public static final String FM_HIDDEN_WIDTH = "fmHiddenWidth";
    /** Flow matching: linear layers of the vector field. */
    public static final String FM_LINEAR_LAYERS = "fmLinearLayers";
    /** Class-conditional flow matching: size of the class embedding. */
    public static final String EMBEDDING_DIM = "embeddingDim";
    /** Flow matching: σ_min of the probability path. */
    public static final String SIGMA_MIN = "sigmaMin";
    /** Flow matching: whether noise and data are paired by minibatch optimal transport. */
    public static final String MINIBATCH_OPTIMAL_TRANSPORT = "minibatchOptimalTransport";
    /** Either family: negative slope of the LeakyReLU between linear layers. */
    public static final String LEAKY_SLOPE = "leakySlope";

    /** Every field, in the order of the form ({@link RunSettingsSchema#ALL}). */
    public static final List<String> ALL_FIELDS = RunSettingsSchema.ALL.stream().map(RunSetting::field).toList();

    private String name;
    private ModelFamily family;
    private Integer points;
    private Integer epochs;
    private Integer batchSize;
    private Double learningRate;
    private LearningRateSchedule schedule;
    private Long seed;
    private Integer couplingLayers;
    private Integer nfHiddenWidth;
    private Integer nfLinearLayers;
    private Integer fmHiddenWidth;
    private Integer fmLinearLayers;
    private Integer embeddingDim;
    private Double sigmaMin;
    private Boolean minibatchOptimalTransport;
    private Double leakySlope;
    private final Map<String, Object> declared = new java.util.HashMap<>();
    private final Map<String, String> unreadable = new TreeMap<>();

    /** Empty settings: every field missing. */
    public RunSettings() {}

    /** A copy that shares nothing mutable with this one. */
    public RunSettings copy() {
        RunSettings copy = new RunSettings();
        RunSettingsSchema.ALL.forEach(setting -> setting.set(copy, setting.get(this)));
        copy.unreadable.putAll(unreadable);
        return copy;
    }

    /**
     * The fields that matter for a family, in the order of the form: those its declaration in
     * {@link RunSettingsSchema} says the family uses.
     */
    public static List<String> fieldsFor(ModelFamily family) {
        Objects.requireNonNull(family, "family");
        return RunSettingsSchema.usedBy(family).stream().map(RunSetting::field).toList();
    }

    /** The label a form shows for a field, and with which every message about it begins. */
    public static String labelOf(String field) {
        return RunSettingsSchema.of(field).label();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ModelFamily getFamily() {
        return family;
    }

    public void setFamily(ModelFamily family) {
        this.family = family;
    }

    public Integer getPoints() {
        return points;
    }

    public void setPoints(Integer points) {
        this.points = points;
    }

    public Integer getEpochs() {
        return epochs;
    }

    public void setEpochs(Integer epochs) {
        this.epochs = epochs;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(Double learningRate) {
        this.learningRate = learningRate;
    }

    public LearningRateSchedule getSchedule() {
        return schedule;
    }

    public void setSchedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Integer getCouplingLayers() {
        return couplingLayers;
    }

    public void setCouplingLayers(Integer couplingLayers) {
        this.couplingLayers = couplingLayers;
    }

    public Integer getNfHiddenWidth() {
        return nfHiddenWidth;
    }

    public void setNfHiddenWidth(Integer nfHiddenWidth) {
        this.nfHiddenWidth = nfHiddenWidth;
    }

    public Integer getNfLinearLayers() {
        return nfLinearLayers;
    }

    public void setNfLinearLayers(Integer nfLinearLayers) {
        this.nfLinearLayers = nfLinearLayers;
    }

    public Integer getFmHiddenWidth() {
        return fmHiddenWidth;
    }

    public void setFmHiddenWidth(Integer fmHiddenWidth) {
        this.fmHiddenWidth = fmHiddenWidth;
    }

    public Integer getFmLinearLayers() {
        return fmLinearLayers;
    }

    public void setFmLinearLayers(Integer fmLinearLayers) {
        this.fmLinearLayers = fmLinearLayers;
    }

    public Integer getEmbeddingDim() {
        return embeddingDim;
    }

    public void setEmbeddingDim(Integer embeddingDim) {
        this.embeddingDim = embeddingDim;
    }

    public Double getSigmaMin() {
        return sigmaMin;
    }

    public void setSigmaMin(Double sigmaMin) {
        this.sigmaMin = sigmaMin;
    }

    public Boolean getMinibatchOptimalTransport() {
        return minibatchOptimalTransport;
    }

    public void setMinibatchOptimalTransport(Boolean minibatchOptimalTransport) {
        this.minibatchOptimalTransport = minibatchOptimalTransport;
    }

    public Double getLeakySlope() {
        return leakySlope;
    }

    public void setLeakySlope(Double leakySlope) {
        this.leakySlope = leakySlope;
    }

    /** The value of a setting whose declaration keeps no field of its own here; null when empty. */
    Object declaredValue(String field) {
        return declared.get(field);
    }

    void setDeclaredValue(String field, Object value) {
        if (value == null) {
            declared.remove(field);
        } else {
            declared.put(field, value);
        }
    }

    /**
     * The text typed into each numeric field that could not be read as its kind of number, by
     * field; such a field's value is empty. Unmodifiable.
     */
    public Map<String, String> unreadable() {
        return Collections.unmodifiableMap(unreadable);
    }

    /**
     * Sets one setting by its field name ({@link #ALL_FIELDS}) to a value of its type, or to null
     * (missing).
     *
     * @throws IllegalArgumentException for a name that is not a run setting, or a value of another type
     */
    public void set(String field, Object value) {
        if (!RunSettingsSchema.isSetting(field)) {
            throw new IllegalArgumentException("'" + field + "' is not a run setting");
        }
        RunSettingsSchema.of(field).set(this, value);
    }

    /**
     * Keeps {@code text} as what was typed into {@code field} and could not be read; {@code null}
     * forgets the field's unreadable text.
     */
    public void setUnreadable(String field, String text) {
        labelOf(field);
        if (text == null) {
            unreadable.remove(field);
        } else {
            unreadable.put(field, text);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof RunSettings that
                && RunSettingsSchema.ALL.stream().allMatch(setting -> Objects.equals(setting.get(this), setting.get(that)))
                && unreadable.equals(that.unreadable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(RunSettingsSchema.ALL.stream().map(setting -> setting.get(this)).toList(), unreadable);
    }

    @Override
    public String toString() {
        return RunSettingsSchema.ALL.stream().map(setting -> setting.field() + "=" + setting.get(this))
                .collect(java.util.stream.Collectors.joining(", ", "RunSettings[", ", unreadable=" + unreadable + "]"));
    }
}
