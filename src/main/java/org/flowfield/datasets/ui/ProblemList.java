package org.flowfield.datasets.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** The problems of a drawing or a file, one per item, in the error colour; empty and hidden when there are none. */
class ProblemList extends UnorderedList {

    ProblemList(String className) {
        addClassName(className);
        getStyle().set("color", "var(--lumo-error-text-color)");
        setVisible(false);
    }

    void show(List<String> problems) {
        removeAll();
        problems.forEach(problem -> add(new ListItem(problem)));
        setVisible(!problems.isEmpty());
    }

    void clear() {
        show(List.of());
    }
}
