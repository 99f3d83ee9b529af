/**
 * A training run as a user configures it: the settings as entered in a form ({@link
 * org.flowfield.runs.settings.RunSettings}), the bounds that keep one run affordable on the shared
 * server ({@link org.flowfield.runs.settings.RunLimits}, {@link org.flowfield.runs.settings.RunCost}),
 * their validation with one message per problem ({@link
 * org.flowfield.runs.settings.RunSettingsValidator}), the presets ({@link
 * org.flowfield.runs.settings.RunPreset}) and the conversion to and from the training core's
 * {@link org.flowfield.training.TrainingConfig} ({@link org.flowfield.runs.settings.RunSettingsMapper}).
 *
 * <p>The form and the service use the same classes, so a value the form accepts is one the service
 * accepts, with the same message when it is not.
 *
 * <h2>One declaration per setting</h2>
 *
 * Each setting is declared once, as a {@link org.flowfield.runs.settings.RunSetting} in {@link
 * org.flowfield.runs.settings.RunSettingsSchema}: its property name, label, unit, kind, bounds
 * (numbers from {@link org.flowfield.runs.settings.RunLimits}, each with its reason), the families
 * that use it, its bean property and the key of {@link org.flowfield.training.TrainingConfigCodec}
 * under which it is stored. Its default for each family is the exercise's recipe ({@link
 * org.flowfield.training.TrainingConfig#exercise}), which the presets start from. Every layer
 * iterates the schema: the run form builds one field per declaration, the validator checks each
 * by its kind and bounds and words every message with its label, the mapper converts through the
 * stored keys, the comparison table has one row per stored setting, the API's JSON uses the
 * property names, and {@code flowfield train} has one option per setting ({@link
 * org.flowfield.runs.settings.RunSetting#option()}).
 *
 * <h2>Adding a setting</h2>
 *
 * <ol>
 *   <li>The core: a component at the end of {@link org.flowfield.training.TrainingConfig} (or of
 *       the family's {@code CouplingFlowConfig} / {@code FlowMatchingConfig}), with its key in
 *       {@link org.flowfield.training.TrainingConfigCodec} and a default for configurations stored
 *       before it existed (so old runs, checkpoints and exports still decode).</li>
 *   <li>Here: a nullable property (field, getter, setter, name constant) of {@link
 *       org.flowfield.runs.settings.RunSettings}, its bounds in {@link
 *       org.flowfield.runs.settings.RunLimits} if it is a number, and one declaration in {@link
 *       org.flowfield.runs.settings.RunSettingsSchema#ALL} at its place in the form, naming the
 *       stored key. Nothing else: form, validation, storage, comparison, presets, API and command
 *       line follow, and the round-trip test covers it.</li>
 *   <li>A Flyway migration only when the stored text needs one: the {@code settings} column holds
 *       the codec's key–value text, so a new key with a default for old rows needs none; renaming
 *       or re-encoding a key does.</li>
 * </ol>
 * What stays written out: the combined bounds of {@link org.flowfield.runs.settings.RunSettingsValidator}
 * and {@link org.flowfield.runs.settings.RunCost}, which know what each setting costs, and the
 * command line's wider bounds on points and epochs.
 */
package org.flowfield.runs.settings;
