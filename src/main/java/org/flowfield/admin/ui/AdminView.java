package org.flowfield.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountDirectory.ListedAccount;
import org.flowfield.admin.AccountDisabling;
import org.flowfield.admin.AdminService;
import org.flowfield.admin.InvalidAccountChangeException;
import org.flowfield.admin.InvalidLimitException;
import org.flowfield.admin.LimitValue;
import org.flowfield.admin.QueueOverview;
import org.flowfield.admin.TrainingPack;
import org.flowfield.runs.Run;
import org.flowfield.security.CurrentAccount;

/**
 * The administrators' page: the whole queue, what each device trains, accounts (disable, enable)
 * and the limits. To anyone else the address answers like a page that does not exist; the
 * service refuses them too.
 */
@Route("admin")
@PageTitle("Administration · Flowfield")
@PermitAll
public class AdminView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A started run and the pack it trains in, one row of the devices' grid. */
    record PackRow(TrainingPack pack, Run run) {}

    final Grid<Run> waiting = new Grid<>();
    final Grid<PackRow> training = new Grid<>();
    final Grid<ListedAccount> accounts = new Grid<>();
    final VerticalLayout limits = new VerticalLayout();
    final Span message = new Span();
    final List<TextField> limitFields = new ArrayList<>();
    private final AdminService admin;
    private final CurrentAccount current;
    private QueueOverview overview;

    public AdminView(AdminService admin, CurrentAccount current) {
        this.admin = admin;
        this.current = current;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!admin.isAdministrator(current.id())) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (getComponentCount() == 0) {
            build();
        }
        refresh();
    }

    private void build() {
        waiting.addColumn(run -> overview.waiting().indexOf(run) + 1).setHeader("Place").setAutoWidth(true).setFlexGrow(0);
        waiting.addColumn(Run::name).setHeader("Run").setFlexGrow(2);
        waiting.addColumn(run -> overview.ownerOf(run)).setHeader("Owner");
        waiting.addColumn(run -> run.config().family().title()).setHeader("Model");
        waiting.addColumn(run -> WHEN.format(run.createdAt())).setHeader("Queued (UTC)");
        waiting.addComponentColumn(this::cancelButton).setHeader("").setKey("cancel");
        waiting.setAllRowsVisible(true);
        training.addColumn(row -> row.pack().device()).setHeader("Device");
        training.addColumn(row -> row.pack().packId() == null ? "" : "pack " + row.pack().packId().toString().substring(0, 8)
                + " (" + row.pack().runs().size() + ")").setHeader("Pack");
        training.addColumn(row -> row.run().name()).setHeader("Run").setFlexGrow(2);
        training.addColumn(row -> overview.ownerOf(row.run())).setHeader("Owner");
        training.addColumn(row -> String.format("%,d / %,d steps", row.run().stepsDone(), row.run().totalSteps())).setHeader("Progress");
        training.addComponentColumn(row -> cancelButton(row.run())).setHeader("").setKey("cancel");
        training.setAllRowsVisible(true);
        accounts.addColumn(listed -> listed.account().username()).setHeader("Account").setFlexGrow(2);
        accounts.addColumn(listed -> WHEN.format(listed.account().createdAt())).setHeader("Signed up (UTC)");
        accounts.addColumn(listed -> listed.disabled() ? "disabled" : "active").setHeader("Status");
        accounts.addComponentColumn(this::accountButton).setHeader("").setKey("action");
        accounts.setAllRowsVisible(true);
        limits.setPadding(false);
        Button reload = new Button("Refresh", click -> refresh());
        add(new H2("Administration"), message, reload, new H3("Waiting runs"), waiting, new H3("Devices"), training,
                new H3("Limits"), limits, new H3("Accounts"), accounts);
    }

    private void refresh() {
        UUID me = current.id();
        overview = admin.queue(me);
        waiting.setItems(overview.waiting());
        training.setItems(overview.packs().stream()
                .flatMap(pack -> pack.runs().stream().map(run -> new PackRow(pack, run))).toList());
        accounts.setItems(admin.accounts(me));
        limits.removeAll();
        limitFields.clear();
        admin.limits(me).forEach(limit -> limits.add(limitEditor(limit)));
    }

    private HorizontalLayout limitEditor(LimitValue limit) {
        TextField field = new TextField(limit.label());
        field.setValue(Long.toString(limit.value()));
        field.setHelperText("from " + limit.min() + " to " + limit.max());
        field.setId("limit-" + limit.name());
        limitFields.add(field);
        Button save = new Button("Apply", click -> {
            try {
                long value = Long.parseLong(field.getValue().strip());
                LimitValue changed = admin.changeLimit(current.id(), limit.name(), value);
                field.setInvalid(false);
                say(changed.label() + " is now " + changed.value());
            } catch (NumberFormatException notANumber) {
                field.setErrorMessage(limit.label() + " must be a whole number");
                field.setInvalid(true);
            } catch (InvalidLimitException e) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        HorizontalLayout row = new HorizontalLayout(field, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Button cancelButton(Run run) {
        Button cancel = new Button("Cancel", click -> {
            Run cancelled = admin.cancel(current.id(), run.id());
            say("Run \"" + cancelled.name() + "\" is " + cancelled.statusLabel()
                    + (cancelled.cancelRequested() && !cancelled.status().terminal() ? " (stopping)" : ""));
            refresh();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }

    private Button accountButton(ListedAccount listed) {
        Button button = new Button(listed.disabled() ? "Enable" : "Disable", click -> {
            try {
                if (listed.disabled()) {
                    admin.enable(current.id(), listed.account().id());
                    say(listed.account().username() + " may log in again");
                } else {
                    AccountDisabling done = admin.disable(current.id(), listed.account().id());
                    say(done.username() + " is disabled: " + done.runsCancelled() + " runs cancelled, "
                            + done.sessionsEnded() + " sessions ended");
                }
            } catch (InvalidAccountChangeException e) {
                say(e.getMessage());
            }
            refresh();
        });
        if (!listed.disabled()) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        }
        return button;
    }

    private void say(String text) {
        message.setText(text);
    }
}
