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
 */
package org.flowfield.runs.settings;
