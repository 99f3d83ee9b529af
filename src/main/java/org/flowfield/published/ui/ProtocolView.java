package org.flowfield.published.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowfield.published.Band;
import org.flowfield.published.FigureComparison;
import org.flowfield.published.MethodNotReproducedException;
import org.flowfield.published.ProtocolCell;
import org.flowfield.published.ProtocolService;
import org.flowfield.published.PublishedFigure;
import org.flowfield.published.PublishedMethod;
import org.flowfield.published.PublishedTask;
import org.flowfield.published.TongProtocol;
import org.flowfield.published.TongTable2;
import org.flowfield.queue.QueueFullException;
import org.flowfield.runs.StorageQuotaExceededException;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.security.CurrentAccount;

/**
 * Tong et al. (2024), Table 2, beside Flowfield's reproduction: per figure a table of methods by
 * tasks, each cell the paper's band and Flowfield's over the seeds the viewer may see, and a
 * button that queues a reproducible cell's seeds.
 */
@Route("published")
@PageTitle("Published protocols · Flowfield")
@PermitAll
public class ProtocolView extends VerticalLayout {

    static final String TRAIN = "Train " + TongProtocol.SEEDS + " seeds";
    static final String NOT_RUN = "not run yet";
    /** The rows of each table, in the paper's order; FM is shown for reference only. */
    static final List<PublishedMethod> ROWS = List.of(PublishedMethod.OT_CFM, PublishedMethod.I_CFM, PublishedMethod.FM);

    /** The table whose reproducible cells carry the train buttons (one button per cell on the page). */
    static final PublishedFigure BUTTONS_IN = PublishedFigure.W2;

    private final ProtocolService protocols;
    private final CurrentAccount current;
    private final Div tables = new Div();

    public ProtocolView(ProtocolService protocols, CurrentAccount current) {
        this.protocols = protocols;
        this.current = current;
        add(new H2("Published protocols"),
                new Paragraph("Tong et al. (2024), Table 2: flow matching between two-dimensional distributions, with noise and "
                        + "data paired independently (I-CFM) or by a minibatch optimal-transport plan (OT-CFM). Each cell trains "
                        + TongProtocol.SEEDS + " seeds with the paper's recipe: a vector field of three hidden layers of 64 SELU "
                        + "units, AdamW at a constant learning rate of 0.001 with weight decay 0.00001, 10,000 points, "
                        + "1,000 epochs of batches of 512, and the constant-width Gaussian path with σ = 0.1. The figures are "
                        + "computed in the data's own coordinates: W2, the exact 2-Wasserstein distance between 10,000 samples and "
                        + "10,000 test points, and NPE, the normalized path energy (0 for a straight, optimal transport). "
                        + "The full protocol and how the paper's numbers were read are in docs/published.md."),
                new Paragraph("W2 is in the data's units. N → moons and N → S-curve use the data definitions of the authors' "
                        + "run configuration; N → 8 Gaussians and 8 Gaussians → moons use Flowfield's own eight Gaussians "
                        + "and moons, which may be drawn at another scale than the paper's, so read those columns as the "
                        + "same experiment on similar data, not as the same numbers."),
                new Paragraph("The published numbers are the paper's, shown as mean ± std over 5 seeds: " + TongTable2.CITATION
                        + ". FM (Lipman et al.) is shown for reference only; its path needs a normal source."),
                tables);
        refresh();
    }

    private void refresh() {
        Map<PublishedTask, Map<PublishedMethod, ProtocolCell>> cells = new EnumMap<>(PublishedTask.class);
        for (ProtocolCell cell : protocols.results(current.id())) {
            cells.computeIfAbsent(cell.task(), t -> new EnumMap<>(PublishedMethod.class)).put(cell.method(), cell);
        }
        tables.removeAll();
        for (PublishedFigure figure : PublishedFigure.values()) {
            tables.add(new H3(figure.title()), table(figure, cells));
        }
    }

    private NativeTable table(PublishedFigure figure, Map<PublishedTask, Map<PublishedMethod, ProtocolCell>> cells) {
        NativeTable table = new NativeTable();
        table.setId("published-" + figure.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        NativeTableRow header = table.getHead().addRow();
        header.addHeaderCell().setText("Method");
        for (PublishedTask task : PublishedTask.values()) {
            header.addHeaderCell().setText(task.title());
        }
        for (PublishedMethod method : ROWS) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(method.title());
            for (PublishedTask task : PublishedTask.values()) {
                NativeTableCell cell = row.addDataCell();
                cell.getStyle().set("vertical-align", "top").set("padding", "var(--lumo-space-s)");
                Optional<ProtocolCell> ours = Optional.ofNullable(cells.getOrDefault(task, Map.of()).get(method));
                cell.add(paper(figure, method, task));
                if (method.reproduced()) {
                    cell.add(flowfield(figure, ours));
                    if (figure == BUTTONS_IN) {
                        cell.add(trainButton(task, method));
                    }
                }
            }
        }
        return table;
    }

    private static Component paper(PublishedFigure figure, PublishedMethod method, PublishedTask task) {
        return line("Paper: " + TongTable2.band(figure, method, task).map(ProtocolView::band).orElse("–"));
    }

    private static Component flowfield(PublishedFigure figure, Optional<ProtocolCell> cell) {
        if (cell.isEmpty() || cell.get().runs() == 0) {
            return line("Flowfield: " + NOT_RUN);
        }
        ProtocolCell ours = cell.get();
        FigureComparison comparison = ours.figure(figure);
        Div shown = new Div();
        if (comparison.flowfield().isPresent()) {
            shown.add(line("Flowfield: " + band(comparison.flowfield().get()) + " (" + comparison.seeds()
                    + (comparison.seeds() == 1 ? " seed)" : " seeds)")));
            comparison.paperDeviations().ifPresent(deviations -> shown.add(line(comparison.withinPaperBand()
                    ? "within the paper's band"
                    : String.format(Locale.ROOT, "%.1f paper stds away", deviations))));
        }
        if (ours.finished() < ours.runs() || comparison.flowfield().isEmpty()) {
            shown.add(line(progress(ours)));
        }
        return shown;
    }

    /** E.g. "3 of 5 finished, 1 running, 1 queued". */
    static String progress(ProtocolCell cell) {
        StringBuilder text = new StringBuilder(cell.finished() + " of " + cell.runs() + " finished");
        if (cell.running() > 0) {
            text.append(", ").append(cell.running()).append(" running");
        }
        if (cell.queued() > 0) {
            text.append(", ").append(cell.queued()).append(" queued");
        }
        if (cell.stopped() > 0) {
            text.append(", ").append(cell.stopped()).append(" failed or cancelled");
        }
        return text.toString();
    }

    private Button trainButton(PublishedTask task, PublishedMethod method) {
        Button train = new Button(TRAIN, click -> {
            try {
                protocols.queueCell(current.id(), task, method);
                Notification.show("Queued " + TongProtocol.SEEDS + " seeds of " + TongProtocol.shortName(method) + " on " + task.title());
                refresh();
            } catch (QueueFullException | StorageQuotaExceededException | InvalidRunSettingsException | MethodNotReproducedException e) {
                Notification.show(e.getMessage());
            }
        });
        train.setId("train-" + method.name().toLowerCase(Locale.ROOT) + "-" + task.name().toLowerCase(Locale.ROOT));
        return train;
    }

    static String band(Band band) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", band.mean(), band.std());
    }

    private static Component line(String text) {
        return new Div(new Span(text));
    }
}
