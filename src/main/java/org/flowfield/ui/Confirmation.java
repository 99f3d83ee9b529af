package org.flowfield.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A question before an action that cannot be undone: what it does, and a button that does it. */
public final class Confirmation {

    private Confirmation() {}

    /** Opens the question; {@code onConfirm} runs when the action's button is clicked. */
    public static Dialog ask(String question, String consequences, String action, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(question);
        dialog.add(new Paragraph(consequences));
        Button confirm = new Button(action, click -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(new Button("Keep", click -> dialog.close()), confirm);
        dialog.add(buttons);
        dialog.open();
        return dialog;
    }
}
