package org.flowfield.compare;

import java.util.List;

/**
 * One setting of the compared runs' {@link org.flowfield.training.TrainingConfig}.
 *
 * @param name what the setting is, in words
 * @param values each run's value, in the order of the comparison; {@link #NOT_APPLICABLE} where
 *     the setting does not belong to that run's family (e.g. coupling layers of a flow-matching run)
 * @param differs whether the runs' values are not all equal
 */
public record SettingRow(String name, List<String> values, boolean differs) {

    /** The value of a setting that does not belong to a run's family. */
    public static final String NOT_APPLICABLE = "—";

    public SettingRow {
        values = List.copyOf(values);
    }

    static SettingRow of(String name, List<String> values) {
        return new SettingRow(name, values, values.stream().distinct().count() > 1);
    }
}
