package org.flowfield.questions.ui;

import java.util.List;
import java.util.function.Function;
import org.flowfield.questions.ChosenPointsService;
import org.flowfield.questions.QuestionService;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.ui.RunPageTabs;
import org.flowfield.security.CurrentAccount;

/**
 * The exercise's questions as tabs of a run's page, named after the question each answers: §3.3
 * Q1–Q5 for a normalizing flow, §4.3 Q1–Q5 and the bonus for flow matching, the conditional Q1–Q3
 * and the bonus for class-conditional flow matching. A question of another family never appears.
 */
@org.springframework.stereotype.Component
class QuestionTabs implements RunPageTabs {

    static final String NF_LOSS = "Q1: Loss";
    static final String NF_SAMPLING = "Q2: Sampling";
    static final String NF_OVER_TIME = "Q3: Sampling over time";
    static final String NF_TRAJECTORIES = "Q4: Sampling trajectories";
    static final String NF_PROBABILITY = "Q5: Probability estimation";
    static final String FM_LOSS = "Q1: Loss";
    static final String FM_PROGRESSION = "Q2: Flow progression";
    static final String FM_TRAJECTORIES = "Q3: Point trajectories";
    static final String FM_QUANTIZATION = "Q4: Time quantization";
    static final String FM_REVERSAL = "Q5: Reversing the flow";
    static final String CFM_INPUT = "Q1: Plotting the input";
    static final String CFM_CLASS_POINTS = "Q2: A point from each class";
    static final String CFM_SAMPLING = "Q3: Sampling";
    static final String BONUS = "Bonus: make the model produce a point";

    private final QuestionService questions;
    private final RunService runs;
    private final ChosenPointsService chosenPoints;
    private final CurrentAccount current;

    QuestionTabs(QuestionService questions, RunService runs, ChosenPointsService chosenPoints, CurrentAccount current) {
        this.questions = questions;
        this.runs = runs;
        this.chosenPoints = chosenPoints;
        this.current = current;
    }

    @Override
    public List<Tab> tabsFor(Run run) {
        return switch (run.config().family()) {
            case NORMALIZING_FLOW -> List.of(
                    tab(run, NF_LOSS, NfLossPanel::new),
                    tab(run, NF_SAMPLING, NfSamplesPanel::new),
                    tab(run, NF_OVER_TIME, NfLayersPanel::new),
                    tab(run, NF_TRAJECTORIES, NfTrajectoriesPanel::new),
                    tab(run, NF_PROBABILITY, NfProbabilityPanel::new));
            case FLOW_MATCHING -> List.of(
                    tab(run, FM_LOSS, FmLossPanel::new),
                    tab(run, FM_PROGRESSION, FmProgressionPanel::new),
                    tab(run, FM_TRAJECTORIES, FmTrajectoriesPanel::new),
                    tab(run, FM_QUANTIZATION, FmQuantizationPanel::new),
                    tab(run, FM_REVERSAL, FmReversalPanel::new),
                    tab(run, BONUS, BonusPanel::new));
            case CONDITIONAL_FLOW_MATCHING -> List.of(
                    tab(run, CFM_INPUT, CfmInputPanel::new),
                    tab(run, CFM_CLASS_POINTS, CfmClassTrajectoriesPanel::new),
                    tab(run, CFM_SAMPLING, CfmSamplesPanel::new),
                    tab(run, BONUS, BonusPanel::new));
        };
    }

    private Tab tab(Run run, String label, Function<QuestionContext, ? extends com.vaadin.flow.component.Component> panel) {
        return new Tab(label, () -> panel.apply(new QuestionContext(current.id(), run, questions, runs, chosenPoints)));
    }
}
