package org.flowfield.training;

import org.flowfield.data.DataSetKind;
import org.flowfield.data.Standardization;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelPack;
import org.flowfield.flows.fm.FlowMatchingPack;
import org.flowfield.flows.nf.CouplingFlowPack;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.SourceSampler;
import org.flowfield.flows.nf.CouplingFlow;

/** Builds the untrained model a configuration describes, with weights drawn from its seed. */
public final class ModelFactory {

    private ModelFactory() {}

    public static FlowModel create(TrainingConfig config) {
        long weightSeed = Seeds.derive(config.seed(), Seeds.WEIGHTS, 0);
        return switch (config.family()) {
            case NORMALIZING_FLOW -> new CouplingFlow(config.couplingFlow(), config.optimizer(), weightSeed);
            case FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING -> new FlowMatching(config.flowMatching(), config.optimizer(), weightSeed, source(config));
        };
    }

    /**
     * Where a flow-matching run's paths start (docs/data.md, "Source of flow matching"): N(0, I), or the
     * source data set standardised with the statistics of a reference sample of the run's number of
     * training points, drawn with a seed derived from the run's.
     */
    public static SourceSampler source(TrainingConfig config) {
        if (config.source().standardNormal()) {
            return SourceSampler.STANDARD_NORMAL;
        }
        float[] reference = config.source().dataSet()
                .sample(DataSetKind.UNCONDITIONAL, config.trainingPoints(), Seeds.derive(config.seed(), Seeds.SOURCE, 0)).xy();
        return new SourceSampler(config.source(), config.standardize() ? Standardization.of(reference) : Standardization.IDENTITY);
    }

    /** An empty pack for runs of the configuration's shape (family, network and batch size). */
    public static ModelPack pack(TrainingConfig config) {
        return switch (config.family()) {
            case NORMALIZING_FLOW -> new CouplingFlowPack(config.couplingFlow(), config.batchSize());
            case FLOW_MATCHING, CONDITIONAL_FLOW_MATCHING -> new FlowMatchingPack(config.flowMatching(), config.batchSize());
        };
    }

    /** The model a checkpoint holds, with its weights and optimizer state restored. */
    public static FlowModel restore(Checkpoint checkpoint) {
        FlowModel model = create(checkpoint.config());
        try {
            model.restore(checkpoint.model());
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
