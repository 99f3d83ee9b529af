package org.flowfield.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.flowfield.datasets.DataSetInUseException;
import org.flowfield.datasets.DataSetNotFoundException;
import org.flowfield.datasets.DataSetSource;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.Confirmation;

/** The user's own data sets (points, a preview, deleting), and drawing or uploading a new one. */
@Route("data")
@PageTitle("My data sets · Flowfield")
@PermitAll
public class DataSetsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<UserDataSet> grid = new Grid<>();
    final Button delete = new Button("Delete");
    final Paragraph deleteProblem = new Paragraph();
    final PointsPreview preview = new PointsPreview("data-set-preview");
    private final UserDataSets dataSets;
    private final UUID me;

    public DataSetsView(UserDataSets dataSets, CurrentAccount current) {
        this.dataSets = dataSets;
        this.me = current.id();
        grid.addColumn(UserDataSet::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(dataSet -> dataSet.source() == DataSetSource.DRAWN ? "drawn" : "uploaded").setHeader("Made");
        grid.addColumn(UserDataSet::pointCount).setHeader("Points");
        grid.addColumn(dataSet -> dataSet.labelled() ? String.valueOf(dataSet.classes()) : "none").setHeader("Classes");
        grid.addColumn(dataSet -> CREATED.format(dataSet.createdAt())).setHeader("Created");
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(selection -> showSelected());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.addClickListener(click -> grid.getSelectedItems().stream().findFirst().ifPresent(this::confirmDelete));
        deleteProblem.addClassName("delete-problem");
        deleteProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        preview.setVisible(false);
        DrawingPanel drawing = new DrawingPanel(dataSets, me, this::added);
        UploadPanel upload = new UploadPanel(dataSets, me, this::added);
        add(new H2("My data sets"),
                new Paragraph("Data you drew or uploaded, for your runs. A run shared with others shares its data set with them, to read."),
                grid, new HorizontalLayout(delete), deleteProblem, preview, drawing, upload);
        refresh();
    }

    private void added(UserDataSet dataSet) {
        refresh();
        grid.select(dataSet);
    }

    private void showSelected() {
        deleteProblem.setText("");
        UserDataSet selected = grid.getSelectedItems().stream().findFirst().orElse(null);
        delete.setEnabled(selected != null);
        preview.setVisible(selected != null);
        if (selected != null) {
            try {
                preview.show(selected.name() + ": " + selected.pointCount() + " points", dataSets.pointsFor(me, selected.id()).points(),
                        selected.source() == DataSetSource.DRAWN);
            } catch (DataSetNotFoundException e) {
                refresh();
            }
        }
    }

    private void confirmDelete(UserDataSet dataSet) {
        Confirmation.ask("Delete “" + dataSet.name() + "”?", "Its points are deleted for good.", "Delete", () -> {
            try {
                dataSets.delete(me, dataSet.id());
                refresh();
            } catch (DataSetInUseException e) {
                deleteProblem.setText(e.getMessage());
            } catch (DataSetNotFoundException e) {
                refresh();
            }
        });
    }

    private void refresh() {
        List<UserDataSet> mine = dataSets.listMine(me);
        grid.setItems(mine);
        grid.deselectAll();
    }
}
