package org.flowfield.runs.settings;

import java.util.Objects;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.TrainingConfig;

/**
 * Converts between the settings a user enters and the core's {@link TrainingConfig}.
 *
 * <p>A {@link TrainingConfig} always holds both architectures; only the family's is used. From
 * settings, the family's architecture comes from the settings and the other family's is the
 * exercise's ({@link CouplingFlowConfig#EXERCISE}, {@link FlowMatchingConfig#EXERCISE}), whatever
 * the unused fields of the form hold, so that two runs with the same relevant settings have equal
 * configurations. The same holds for the class embedding of unconditional flow matching, which is
 * 8. Progress is reported every {@value TrainingConfig#DEFAULT_REPORT_EVERY} steps, which is not a
 * user setting.
 */
public final class RunSettingsMapper {

    private RunSettingsMapper() {}

    /**
     * The configuration of a run with these settings; throws {@link InvalidRunSettingsException}
     * with every problem if they break a bound (see {@link RunSettingsValidator#requireValid}).
     * The name is not part of the configuration.
     */
    public static TrainingConfig toTrainingConfig(RunSettings settings) {
        RunSettingsValidator.requireValid(settings);
        ModelFamily family = settings.getFamily();
        double leakySlope = settings.getLeakySlope() + 0.0; // -0.0 as 0.0
        CouplingFlowConfig couplingFlow = CouplingFlowConfig.EXERCISE;
        FlowMatchingConfig flowMatching = FlowMatchingConfig.EXERCISE;
        if (family == ModelFamily.NORMALIZING_FLOW) {
            couplingFlow = new CouplingFlowConfig(settings.getCouplingLayers(), settings.getNfHiddenWidth(),
                    settings.getNfLinearLayers(), leakySlope);
        } else {
            int embeddingDim = family.conditional() ? settings.getEmbeddingDim() : FlowMatchingConfig.EXERCISE.embeddingDim();
            flowMatching = new FlowMatchingConfig(settings.getFmHiddenWidth(), settings.getFmLinearLayers(), leakySlope,
                    family.conditional(), embeddingDim, settings.getSigmaMin() + 0.0,
                    settings.getMinibatchOptimalTransport());
        }
        return new TrainingConfig(family, couplingFlow, flowMatching, settings.getPoints(), settings.getEpochs(),
                settings.getBatchSize(), settings.getLearningRate(), settings.getSchedule(), settings.getSeed(),
                TrainingConfig.DEFAULT_REPORT_EVERY);
    }

    /**
     * Settings that reproduce {@code config} (to fork a run): every field is filled, those of the
     * other family from the configuration's unused architecture, so that switching the family in
     * the form starts from sensible values. The LeakyReLU slope is the family's. The report
     * interval is not a setting and is dropped. The result is not validated: a configuration made
     * outside the form (e.g. on the command line) may break a bound.
     *
     * @param name the new run's name
     */
    public static RunSettings fromTrainingConfig(TrainingConfig config, String name) {
        Objects.requireNonNull(config, "config");
        CouplingFlowConfig flow = config.couplingFlow();
        FlowMatchingConfig field = config.flowMatching();
        RunSettings settings = new RunSettings();
        settings.setName(name);
        settings.setFamily(config.family());
        settings.setPoints(config.points());
        settings.setEpochs(config.epochs());
        settings.setBatchSize(config.batchSize());
        settings.setLearningRate(config.learningRate());
        settings.setSchedule(config.schedule());
        settings.setSeed(config.seed());
        settings.setCouplingLayers(flow.couplingLayers());
        settings.setNfHiddenWidth(flow.hiddenWidth());
        settings.setNfLinearLayers(flow.linearLayers());
        settings.setFmHiddenWidth(field.hiddenWidth());
        settings.setFmLinearLayers(field.linearLayers());
        settings.setEmbeddingDim(field.embeddingDim());
        settings.setSigmaMin(field.sigmaMin());
        settings.setMinibatchOptimalTransport(field.minibatchOptimalTransport());
        settings.setLeakySlope(config.family() == ModelFamily.NORMALIZING_FLOW ? flow.leakySlope() : field.leakySlope());
        return settings;
    }
}
