package org.flowfield.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.flowfield.flows.ModelFamily;
import org.flowfield.training.TrainingConfig;

/** Every setting of a {@link TrainingConfig} by a readable name; settings of another family read "—". */
final class SettingsRows {

    private SettingsRows() {}

    static List<SettingRow> of(List<TrainingConfig> configs) {
        Predicate<TrainingConfig> all = config -> true;
        Predicate<TrainingConfig> nf = config -> config.family() == ModelFamily.NORMALIZING_FLOW;
        Predicate<TrainingConfig> fm = config -> config.family() != ModelFamily.NORMALIZING_FLOW;
        Predicate<TrainingConfig> cfm = config -> config.family().conditional();
        List<SettingRow> rows = new ArrayList<>();
        rows.add(row(configs, "Model", all, config -> config.family().title()));
        rows.add(row(configs, "Training points", all, config -> String.format(Locale.ROOT, "%,d", config.points())));
        rows.add(row(configs, "Epochs", all, config -> Integer.toString(config.epochs())));
        rows.add(row(configs, "Batch size", all, config -> Integer.toString(config.batchSize())));
        rows.add(row(configs, "Learning rate (Adam)", all, config -> plain(config.learningRate())));
        rows.add(row(configs, "Learning-rate schedule", all, config -> config.schedule().name().toLowerCase(Locale.ROOT)));
        rows.add(row(configs, "Seed", all, config -> Long.toString(config.seed())));
        rows.add(row(configs, "Loss reported every (steps)", all, config -> Integer.toString(config.reportEvery())));
        rows.add(row(configs, "Coupling layers", nf, config -> Integer.toString(config.couplingFlow().couplingLayers())));
        rows.add(row(configs, "Coupling network: linear layers", nf, config -> Integer.toString(config.couplingFlow().linearLayers())));
        rows.add(row(configs, "Coupling network: hidden width", nf, config -> Integer.toString(config.couplingFlow().hiddenWidth())));
        rows.add(row(configs, "Coupling network: LeakyReLU slope", nf, config -> plain(config.couplingFlow().leakySlope())));
        rows.add(row(configs, "Vector field: linear layers", fm, config -> Integer.toString(config.flowMatching().linearLayers())));
        rows.add(row(configs, "Vector field: hidden width", fm, config -> Integer.toString(config.flowMatching().hiddenWidth())));
        rows.add(row(configs, "Vector field: LeakyReLU slope", fm, config -> plain(config.flowMatching().leakySlope())));
        rows.add(row(configs, "Class embedding size", cfm, config -> Integer.toString(config.flowMatching().embeddingDim())));
        rows.add(row(configs, "σ_min of the probability path", fm, config -> plain(config.flowMatching().sigmaMin())));
        rows.add(row(configs, "Minibatch optimal transport", fm, config -> config.flowMatching().minibatchOptimalTransport() ? "yes" : "no"));
        return rows;
    }

    private static SettingRow row(
            List<TrainingConfig> configs, String name, Predicate<TrainingConfig> applies, Function<TrainingConfig, String> value) {
        return SettingRow.of(name, configs.stream().map(config -> applies.test(config) ? value.apply(config) : SettingRow.NOT_APPLICABLE).toList());
    }

    /** 0.001 rather than 1.0E-3, 0 rather than 0.0. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
