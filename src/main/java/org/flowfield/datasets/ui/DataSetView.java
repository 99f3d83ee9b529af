package org.flowfield.datasets.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.flowfield.datasets.DataSetNotFoundException;
import org.flowfield.datasets.DataSetSource;
import org.flowfield.datasets.UserDataPoints;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.security.CurrentAccount;

/**
 * One data set, to read: the owner's, or one a run the viewer may see trains on (the service
 * decides); anything else reads as missing.
 */
@Route("data/:id")
@PageTitle("Data set · Flowfield")
@PermitAll
public class DataSetView extends VerticalLayout implements BeforeEnterObserver {

    static final String NOT_FOUND = "Data set not found";

    final H2 heading = new H2(NOT_FOUND);
    final Paragraph about = new Paragraph();
    final PointsPreview preview = new PointsPreview("data-set-preview");
    private final UserDataSets dataSets;
    private final UUID viewer;

    public DataSetView(UserDataSets dataSets, CurrentAccount current) {
        this.dataSets = dataSets;
        this.viewer = current.id();
        preview.setVisible(false);
        add(heading, about, preview);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        open(event.getRouteParameters().get("id").orElse(""));
    }

    /** Shows the data set with this id if the viewer may read it; a forged or foreign id reads as missing. */
    void open(String idText) {
        try {
            show(UUID.fromString(idText));
        } catch (IllegalArgumentException | DataSetNotFoundException e) {
            heading.setText(NOT_FOUND);
            about.setText("It does not exist, or no run you may see trains on it.");
            preview.setVisible(false);
        }
    }

    private void show(UUID id) {
        UserDataPoints data = dataSets.pointsFor(viewer, id);
        boolean drawn = data.dataSet().source() == DataSetSource.DRAWN;
        heading.setText(data.dataSet().name());
        about.setText((drawn ? "Drawn" : "Uploaded") + ", " + data.dataSet().pointCount() + " points"
                + (data.dataSet().labelled() ? ", " + data.dataSet().classes() + " classes" : "")
                + (data.dataSet().ownedBy(viewer) ? "." : "; shared with you by a run, to read."));
        preview.setVisible(true);
        preview.show(data.dataSet().name(), data.points(), drawn);
    }
}
