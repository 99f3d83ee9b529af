package org.flowfield.questions.ui;

import java.util.UUID;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.questions.QuestionService;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;

/**
 * What a question's panel needs: the viewer (every service call is access-checked for them), the
 * finished run, and the services.
 */
record QuestionContext(UUID viewer, Run run, QuestionService questions, RunService runs, ChosenPointsService chosenPoints) {}
