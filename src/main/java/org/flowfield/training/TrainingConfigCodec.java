package org.flowfield.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowfield.data.DataSet;
import org.flowfield.flows.Activation;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.SourceDistribution;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.flows.optim.OptimizerSettings;

/** A configuration as flat key–value text, exact for every number (used by checkpoints and storage). */
public final class TrainingConfigCodec {

    /** Keys added after the first rows were stored; a row without them means their default. */
    static final String DATA_SET = "data";
    static final String SOURCE = "fm.source";
    /** The id of the owner's data set learnt, or {@value #NO_USER_DATA}; its classes under {@value #USER_DATA_CLASSES}. */
    public static final String USER_DATA = "userData";
    static final String USER_DATA_CLASSES = "userData.classes";
    public static final String NO_USER_DATA = "none";

    private TrainingConfigCodec() {}

    public static Map<String, String> encode(TrainingConfig config) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("family", config.family().code());
        map.put("points", Integer.toString(config.points()));
        map.put("epochs", Integer.toString(config.epochs()));
        map.put("batchSize", Integer.toString(config.batchSize()));
        map.put("learningRate", Double.toString(config.learningRate()));
        map.put("schedule", config.schedule().name());
        map.put("seed", Long.toString(config.seed()));
        map.put("reportEvery", Integer.toString(config.reportEvery()));
        CouplingFlowConfig nf = config.couplingFlow();
        map.put("nf.couplingLayers", Integer.toString(nf.couplingLayers()));
        map.put("nf.hiddenWidth", Integer.toString(nf.hiddenWidth()));
        map.put("nf.linearLayers", Integer.toString(nf.linearLayers()));
        map.put("nf.leakySlope", Double.toString(nf.leakySlope()));
        FlowMatchingConfig fm = config.flowMatching();
        map.put("fm.hiddenWidth", Integer.toString(fm.hiddenWidth()));
        map.put("fm.linearLayers", Integer.toString(fm.linearLayers()));
        map.put("fm.leakySlope", Double.toString(fm.leakySlope()));
        map.put("fm.embeddingDim", Integer.toString(fm.embeddingDim()));
        map.put("fm.sigmaMin", Double.toString(fm.sigmaMin()));
        map.put("fm.minibatchOptimalTransport", Boolean.toString(fm.minibatchOptimalTransport()));
        map.put("nf.activation", nf.activation().name());
        map.put("nf.logScaleBound", Double.toString(nf.logScaleBound()));
        map.put("fm.activation", fm.activation().name());
        map.put("fm.transportWithinClasses", Boolean.toString(fm.transportWithinClasses()));
        map.put("fm.pathSigma", Double.toString(fm.pathSigma()));
        OptimizerSettings optimizer = config.optimizer();
        map.put("weightDecay", Double.toString(optimizer.weightDecay()));
        map.put("maxGradientNorm", Double.toString(optimizer.maxGradientNorm()));
        map.put(DATA_SET, config.dataSet().code());
        map.put(SOURCE, config.source().code());
        map.put("standardize", Boolean.toString(config.standardize()));
        map.put(USER_DATA, config.userData() == null ? NO_USER_DATA : config.userData().id().toString());
        map.put(USER_DATA_CLASSES, Integer.toString(config.userData() == null ? 0 : config.userData().classes()));
        return map;
    }

    /**
     * The configuration a map encodes; throws naming the first missing or malformed key. Keys
     * added after the first stored runs (activations, log-scale bound, pairing within classes,
     * weight decay, clipping, data set, source) may be missing: such a run was trained as their defaults say.
     */
    public static TrainingConfig decode(Map<String, String> map) {
        ModelFamily family = ModelFamily.ofCode(text(map, "family"));
        CouplingFlowConfig nf = new CouplingFlowConfig(
                integer(map, "nf.couplingLayers"), integer(map, "nf.hiddenWidth"),
                integer(map, "nf.linearLayers"), number(map, "nf.leakySlope"),
                activation(map, "nf.activation"), number(map, "nf.logScaleBound", 0));
        FlowMatchingConfig fm = new FlowMatchingConfig(
                integer(map, "fm.hiddenWidth"), integer(map, "fm.linearLayers"), number(map, "fm.leakySlope"),
                family.conditional(), integer(map, "fm.embeddingDim"), number(map, "fm.sigmaMin"),
                Boolean.parseBoolean(text(map, "fm.minibatchOptimalTransport")),
                activation(map, "fm.activation"), Boolean.parseBoolean(map.getOrDefault("fm.transportWithinClasses", "false")))
                .withPathSigma(number(map, "fm.pathSigma", 0));
        OptimizerSettings optimizer = new OptimizerSettings(
                number(map, "weightDecay", 0), number(map, "maxGradientNorm", 0));
        return new TrainingConfig(family, nf, fm, integer(map, "points"), integer(map, "epochs"),
                integer(map, "batchSize"), number(map, "learningRate"),
                LearningRateSchedule.valueOf(text(map, "schedule")), Long.parseLong(text(map, "seed")),
                integer(map, "reportEvery"),
                DataSet.ofCode(map.getOrDefault(DATA_SET, DataSet.RINGS.code())),
                SourceDistribution.ofCode(map.getOrDefault(SOURCE, SourceDistribution.STANDARD_NORMAL_CODE)),
                optimizer, Boolean.parseBoolean(map.getOrDefault("standardize", "true")),
                userData(map));
    }

    private static Activation activation(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            return Activation.LEAKY_RELU;
        }
        try {
            return Activation.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' is not an activation: " + value);
        }
    }

    private static double number(Map<String, String> map, String key, double missing) {
        return map.containsKey(key) ? number(map, key) : missing;
    }

    private static UserDataRef userData(Map<String, String> map) {
        String id = map.getOrDefault(USER_DATA, NO_USER_DATA).strip();
        if (id.equals(NO_USER_DATA)) {
            return null;
        }
        try {
            return new UserDataRef(java.util.UUID.fromString(id), Integer.parseInt(map.getOrDefault(USER_DATA_CLASSES, "0")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key '" + USER_DATA + "' is no data set id: " + id);
        }
    }

    private static String text(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("configuration lacks '" + key + "'");
        }
        return value;
    }

    private static int integer(Map<String, String> map, String key) {
        try {
            return Integer.parseInt(text(map, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' is not an integer: " + map.get(key));
        }
    }

    private static double number(Map<String, String> map, String key) {
        try {
            return Double.parseDouble(text(map, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' is not a number: " + map.get(key));
        }
    }
}
