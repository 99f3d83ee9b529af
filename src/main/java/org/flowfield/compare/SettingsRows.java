package org.flowfield.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.TrainingConfig;

/**
 * Every stored setting of a {@link TrainingConfig} under its declared label, in the order of the
 * form ({@link RunSettingsSchema}); settings another family uses read "—", and an own data set
 * reads as its name, as on the run's page. The report interval, which is no user setting, follows
 * them.
 */
final class SettingsRows {

    /** The one row that is no run setting: how often the loss of a run was reported. */
    static final String REPORT_EVERY = "Loss reported every (steps)";

    private SettingsRows() {}

    /**
     * @param dataSetNames each run's own data set's name, or null for a run on a built-in data set
     */
    static List<SettingRow> of(List<TrainingConfig> configs, List<String> dataSetNames) {
        List<SettingRow> rows = new ArrayList<>();
        for (RunSetting<?> setting : RunSettingsSchema.ALL) {
            if (setting == RunSettingsSchema.USER_DATA_SET) {
                rows.add(SettingRow.of(setting.label(), IntStream.range(0, configs.size())
                        .mapToObj(i -> dataSetNames.get(i) != null ? dataSetNames.get(i)
                                : RunSettingsSchema.shown(setting, configs.get(i)))
                        .toList()));
            } else if (setting.stored()) {
                rows.add(SettingRow.of(setting.label(), configs.stream()
                        .map(config -> setting.usedBy(config.family())
                                ? RunSettingsSchema.shown(setting, config) : SettingRow.NOT_APPLICABLE)
                        .toList()));
            }
        }
        rows.add(SettingRow.of(REPORT_EVERY, configs.stream().map(config -> Integer.toString(config.reportEvery())).toList()));
        return rows;
    }
}
