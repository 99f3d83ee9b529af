package org.flowfield.runs.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.training.TrainingConfig;
import org.flowfield.training.TrainingConfigCodec;
import org.flowfield.training.UserDataRef;

/**
 * Converts between the settings a user enters and the core's {@link TrainingConfig}, through the
 * stored form of a configuration ({@link TrainingConfigCodec}) and the key each setting's
 * declaration names ({@link RunSetting#storedKey}); it names no setting itself.
 *
 * <p>A {@link TrainingConfig} always holds both architectures; only the family's is used. From
 * settings, everything the family does not use comes from the exercise's recipe
 * ({@link TrainingConfig#exercise}: {@link CouplingFlowConfig#EXERCISE},
 * {@link FlowMatchingConfig#EXERCISE}, the class embedding of 8 of unconditional flow matching, and
 * whatever a configuration holds that is no user setting), whatever the unused fields of the form
 * hold, so that two runs with the same relevant settings have equal configurations. Progress is
 * reported every {@value TrainingConfig#DEFAULT_REPORT_EVERY} steps, which is not a user setting.
 */
public final class RunSettingsMapper {

    private RunSettingsMapper() {}

    /**
     * The configuration of a run with these settings; throws {@link InvalidRunSettingsException}
     * with every problem if they break a bound (see {@link RunSettingsValidator#requireValid}).
     * The name is not part of the configuration.
     */
    public static TrainingConfig toTrainingConfig(RunSettings settings) {
        if (RunSettingsSchema.USER_DATA_SET.get(settings) != null) {
            throw new IllegalArgumentException("settings that choose one's own data set need it resolved: toTrainingConfig(settings, userData)");
        }
        return toTrainingConfig(settings, null);
    }

    /**
     * As {@link #toTrainingConfig(RunSettings)}, learning {@code userData}: the data set the settings'
     * {@link RunSettingsSchema#USER_DATA_SET} names, resolved (its owner checked, its classes known)
     * by the caller; null for a built-in data set.
     */
    public static TrainingConfig toTrainingConfig(RunSettings settings, UserDataRef userData) {
        RunSettingsValidator.requireValid(settings);
        ModelFamily family = settings.getFamily();
        Map<RunSetting<?>, Object> values = new LinkedHashMap<>();
        // with one's own data the built-in choice is not learnt, so it keeps the exercise's
        RunSettingsSchema.usedBy(family).stream().filter(setting -> setting != RunSettingsSchema.USER_DATA_SET
                        && !(userData != null && setting == RunSettingsSchema.DATA_SET))
                .forEach(setting -> values.put(setting, setting.get(settings)));
        TrainingConfig builtIn = withSettings(TrainingConfig.exercise(family, 0), values);
        return userData == null ? builtIn : builtIn.withUserData(userData);
    }

    /**
     * {@code base} with some settings changed; the family stays {@code base}'s. Only the core's
     * own checks apply (the constructors of {@link TrainingConfig} and its parts), not the bounds
     * of {@link RunLimits}: the command line uses it for runs on one's own computer.
     *
     * @param values a value of its setting's type for each setting to change; settings that are not
     *     stored (the name) and the family are ignored
     * @throws IllegalArgumentException when the core rejects the result, e.g. a batch larger than the points
     */
    public static TrainingConfig withSettings(TrainingConfig base, Map<RunSetting<?>, Object> values) {
        ModelFamily family = base.family();
        Map<String, String> stored = new LinkedHashMap<>(TrainingConfigCodec.encode(base));
        values.forEach((setting, value) -> {
            if (setting.stored() && setting != RunSettingsSchema.FAMILY && !(value == null && setting.optional())) {
                stored.put(setting.storedKey(family), storedText(setting, value));
            }
        });
        return TrainingConfigCodec.decode(stored);
    }

    /**
     * Settings that reproduce {@code config} (to fork a run): every field is filled, those of the
     * other family from the configuration's unused architecture, so that switching the family in
     * the form starts from sensible values. A setting both families use (the LeakyReLU slope) is
     * the family's. What is no user setting (the report interval) is dropped. The result is not
     * validated: a configuration made outside the form (e.g. on the command line) may break a bound.
     *
     * @param name the new run's name
     */
    public static RunSettings fromTrainingConfig(TrainingConfig config, String name) {
        Objects.requireNonNull(config, "config");
        Map<String, String> stored = TrainingConfigCodec.encode(config);
        RunSettings settings = new RunSettings();
        settings.setName(name);
        for (RunSetting<?> setting : RunSettingsSchema.ALL) {
            if (setting.stored()) {
                setting.set(settings, setting.fromStored(stored.get(setting.storedKey(config.family()))));
            }
        }
        return settings;
    }

    private static <T> String storedText(RunSetting<T> setting, Object value) {
        return setting.toStored(setting.type().cast(value));
    }
}
