package org.flowfield.runs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.runs.RunSharing;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.Sharing;
import org.flowfield.security.PublicUrl;

/**
 * The owner's control of who sees a run: private, one of the owner's classes, or anyone with the
 * link (shown to copy, and revocable).
 */
class SharingPanel extends HorizontalLayout {

    /** One choice of the select: private, by link, or a class. */
    record Audience(Sharing mode, Classroom classroom) {
        String label() {
            return switch (mode) {
                case PRIVATE -> "Private";
                case LINK -> "Anyone with the link";
                case CLASS -> "Class: " + classroom.name();
            };
        }
    }

    final Select<Audience> audience = new Select<>();
    final TextField link = new TextField();
    final Button revoke = new Button("Revoke link");
    private final RunSharingService sharing;
    private final PublicUrl publicUrl;
    private final UUID runId;
    private final UUID ownerId;
    private boolean updating;

    SharingPanel(RunSharingService sharing, ClassroomService classrooms, PublicUrl publicUrl, UUID runId, UUID ownerId) {
        this.sharing = sharing;
        this.publicUrl = publicUrl;
        this.runId = runId;
        this.ownerId = ownerId;
        List<Audience> choices = new ArrayList<>(List.of(new Audience(Sharing.PRIVATE, null), new Audience(Sharing.LINK, null)));
        classrooms.listMine(ownerId).forEach(classroom -> choices.add(new Audience(Sharing.CLASS, classroom)));
        audience.setLabel("Shared with");
        audience.setItems(choices);
        audience.setItemLabelGenerator(Audience::label);
        link.setReadOnly(true);
        link.setLabel("Share link");
        link.setWidth("28em");
        link.addClassName("share-link");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.addClickListener(click -> show(sharing.makePrivate(ownerId, runId)));
        audience.addValueChangeListener(change -> {
            if (!updating && change.getValue() != null) {
                apply(change.getValue());
            }
        });
        setAlignItems(FlexComponent.Alignment.BASELINE);
        add(audience, link, revoke);
        show(sharing.sharing(ownerId, runId));
    }

    private void apply(Audience chosen) {
        RunSharing now = switch (chosen.mode()) {
            case PRIVATE -> sharing.makePrivate(ownerId, runId);
            case LINK -> sharing.shareByLink(ownerId, runId);
            case CLASS -> sharing.shareWithClassroom(ownerId, runId, chosen.classroom().id());
        };
        show(now);
    }

    private void show(RunSharing now) {
        updating = true;
        try {
            audience.getListDataView().getItems()
                    .filter(choice -> choice.mode() == now.mode()
                            && (choice.classroom() == null || Objects.equals(choice.classroom().id(), now.classroomId())))
                    .findFirst()
                    .ifPresent(audience::setValue);
            boolean byLink = now.mode() == Sharing.LINK;
            link.setVisible(byLink);
            revoke.setVisible(byLink);
            if (byLink) {
                link.setValue(publicUrl.of(SharedLinkView.address(now.token())));
            }
        } finally {
            updating = false;
        }
    }

}
