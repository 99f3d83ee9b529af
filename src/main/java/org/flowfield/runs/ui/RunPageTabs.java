package org.flowfield.runs.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.Supplier;
import org.flowfield.runs.Run;

/**
 * Tabs that other features add to a run's page after "Training" (the exercise's questions, for
 * one), so that the run page needs to know nothing of them: a Spring bean implementing this is
 * asked for the tabs of each run shown.
 */
public interface RunPageTabs {

    /**
     * One tab of a finished run's page.
     *
     * @param label the tab's text, shown as text
     * @param content builds the tab's content; called once, when the tab is first opened and the
     *     run has finished (on the UI thread, with the viewer logged in)
     */
    record Tab(String label, Supplier<Component> content) {}

    /** The tabs for this run, in order; empty when the feature has nothing to show for its family. */
    List<Tab> tabsFor(Run run);
}
