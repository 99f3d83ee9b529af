package org.flowfield.classrooms.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.classrooms.InviteDetails;
import org.flowfield.classrooms.WhatTheInstructorSees;
import org.flowfield.security.CurrentAccount;

/** The user's classes; create one (and become its instructor) or join one with an invite code. */
@Route("classes")
@PageTitle("Classes · Flowfield")
@PermitAll
public class ClassroomsView extends VerticalLayout {

    final Grid<Classroom> grid = new Grid<>();
    final TextField name = new TextField("New class");
    final Button create = new Button("Create class");
    final TextField inviteCode = new TextField("Invite code");
    final Button join = new Button("Join class");
    private final ClassroomService classrooms;
    private final CurrentAccount current;

    public ClassroomsView(ClassroomService classrooms, CurrentAccount current) {
        this.classrooms = classrooms;
        this.current = current;
        UUID me = current.id();
        grid.addColumn(Classroom::name).setHeader("Class").setFlexGrow(2);
        grid.addColumn(classroom -> classroom.instructedBy(me) ? "instructor" : "student").setHeader("You are");
        grid.addColumn(classroom -> classroom.instructedBy(me) ? classroom.inviteCode() : "").setHeader("Invite code");
        // the class page belongs to the gallery feature, which depends on this one: navigate by address
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("classes/" + click.getItem().id())));
        grid.setAllRowsVisible(true);
        name.setMaxLength(ClassroomService.MAX_NAME_LENGTH);
        name.setPlaceholder("e.g. Flow models, winter term");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createClass());
        inviteCode.setPlaceholder("XXXX-XXXX-XXXX-XXXX");
        inviteCode.setMaxLength(ClassroomService.MAX_INVITE_CODE_LENGTH);
        join.addClickListener(click -> joinClass());
        HorizontalLayout creating = new HorizontalLayout(name, create);
        HorizontalLayout joiningRow = new HorizontalLayout(inviteCode, join);
        creating.setAlignItems(FlexComponent.Alignment.BASELINE);
        joiningRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph joiningSays = new Paragraph("Before you join, you are told who teaches the class and what they will see.");
        add(new H2("Classes"), grid, new H3("Start or join a class"), creating, joiningRow, joiningSays);
        refresh();
    }

    private void createClass() {
        try {
            Classroom created = classrooms.create(current.id(), name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
            grid.select(created);
        } catch (InvalidClassroomException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    /** Says what joining means (who teaches the class and what they will see) before it happens. */
    private void joinClass() {
        InviteDetails details;
        try {
            details = classrooms.inviteDetails(inviteCode.getValue());
        } catch (InvalidClassroomException e) {
            inviteCode.setErrorMessage(e.getMessage());
            inviteCode.setInvalid(true);
            return;
        }
        inviteCode.setInvalid(false);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Join “" + details.classroomName() + "”?");
        Paragraph teacher = new Paragraph("Its instructor is " + details.instructorUsername() + ".");
        Paragraph sees = new Paragraph(WhatTheInstructorSees.TEXT);
        sees.addClassName("what-the-instructor-sees");
        Button confirm = new Button("Join", click -> {
            dialog.close();
            try {
                classrooms.join(current.id(), details.inviteCode());
                inviteCode.clear();
                refresh();
            } catch (InvalidClassroomException e) {
                inviteCode.setErrorMessage(e.getMessage());
                inviteCode.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(teacher, sees, new HorizontalLayout(new Button("Cancel", click -> dialog.close()), confirm));
        dialog.open();
    }

    private void refresh() {
        grid.setItems(classrooms.listMine(current.id()));
    }
}
