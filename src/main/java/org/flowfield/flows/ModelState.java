package org.flowfield.flows;

/**
 * Everything of a model that training changes: its weights and its optimizer's state.
 *
 * @param parameters the packed weights
 * @param adamFirstMoment Adam's m, same length as parameters
 * @param adamSecondMoment Adam's v, same length as parameters
 * @param optimizerSteps number of optimizer updates made (Adam's t)
 */
public record ModelState(float[] parameters, float[] adamFirstMoment, float[] adamSecondMoment, long optimizerSteps) {}
