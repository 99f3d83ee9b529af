package org.flowfield.compare;

import java.util.ArrayList;
import java.util.List;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.training.TrainingConfig;

/**
 * Every stored setting of a {@link TrainingConfig} under its declared label, in the order of the
 * form ({@link RunSettingsSchema}); settings another family uses read "—". The report interval,
 * which is no user setting, follows them.
 */
final class SettingsRows {

    /** The one row that is no run setting: how often the loss of a run was reported. */
    static final String REPORT_EVERY = "Loss reported every (steps)";

    private SettingsRows() {}

    static List<SettingRow> of(List<TrainingConfig> configs) {
        List<SettingRow> rows = new ArrayList<>();
        for (RunSetting<?> setting : RunSettingsSchema.ALL) {
            if (setting.stored()) {
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
