package org.flowfield.runs.settings;

import org.flowfield.flows.ModelFamily;
import org.flowfield.training.LearningRateSchedule;

/** Test settings and access to fields by name. */
final class Settings {

    private Settings() {}

    /**
     * Valid settings with the smallest networks and few points, so that each field alone can be
     * moved to either of its bounds without breaking a combined bound.
     */
    static RunSettings small(ModelFamily family) {
        RunSettings s = new RunSettings();
        s.setName("test run");
        s.setFamily(family);
        s.setPoints(5_000);
        s.setEpochs(1);
        s.setBatchSize(128);
        s.setLearningRate(1e-3);
        s.setSchedule(LearningRateSchedule.COSINE);
        s.setSeed(0L);
        s.setCouplingLayers(1);
        s.setNfHiddenWidth(8);
        s.setNfLinearLayers(2);
        s.setFmHiddenWidth(8);
        s.setFmLinearLayers(2);
        s.setEmbeddingDim(1);
        s.setSigmaMin(0.0);
        s.setMinibatchOptimalTransport(false);
        s.setLeakySlope(0.01);
        return s;
    }

    /** Sets a field by its name; the value must have the field's type (or be null). */
    static RunSettings set(RunSettings s, String field, Object value) {
        switch (field) {
            case RunSettings.NAME -> s.setName((String) value);
            case RunSettings.FAMILY -> s.setFamily((ModelFamily) value);
            case RunSettings.POINTS -> s.setPoints((Integer) value);
            case RunSettings.EPOCHS -> s.setEpochs((Integer) value);
            case RunSettings.BATCH_SIZE -> s.setBatchSize((Integer) value);
            case RunSettings.LEARNING_RATE -> s.setLearningRate((Double) value);
            case RunSettings.SCHEDULE -> s.setSchedule((LearningRateSchedule) value);
            case RunSettings.SEED -> s.setSeed((Long) value);
            case RunSettings.COUPLING_LAYERS -> s.setCouplingLayers((Integer) value);
            case RunSettings.NF_HIDDEN_WIDTH -> s.setNfHiddenWidth((Integer) value);
            case RunSettings.NF_LINEAR_LAYERS -> s.setNfLinearLayers((Integer) value);
            case RunSettings.FM_HIDDEN_WIDTH -> s.setFmHiddenWidth((Integer) value);
            case RunSettings.FM_LINEAR_LAYERS -> s.setFmLinearLayers((Integer) value);
            case RunSettings.EMBEDDING_DIM -> s.setEmbeddingDim((Integer) value);
            case RunSettings.SIGMA_MIN -> s.setSigmaMin((Double) value);
            case RunSettings.MINIBATCH_OPTIMAL_TRANSPORT -> s.setMinibatchOptimalTransport((Boolean) value);
            case RunSettings.LEAKY_SLOPE -> s.setLeakySlope((Double) value);
            default -> s.set(field, value);
        }
        return s;
    }
}
