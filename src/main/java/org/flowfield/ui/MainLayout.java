package org.flowfield.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import org.flowfield.security.Administrators;
import org.flowfield.security.CurrentAccount;

/** The frame of every logged-in view: the product's name, who is logged in, and log-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentAccount current, Administrators administrators) {
        H1 title = new H1("Flowfield");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(current.account().username());
        Button logout = new Button("Log out", click -> current.logout());
        // by address, not by view class: the views' features depend on this package, not the other way
        HorizontalLayout bar = new HorizontalLayout(title, link("", "Runs"), link("data", "Data sets"), link("classes", "Classes"),
                link("published", "Published protocols"), link("account", "Account"));
        if (administrators.includes(current.account().username())) {
            bar.add(link("admin", "Administration"));
        }
        bar.add(user, logout);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        addToNavbar(bar);
        setDrawerOpened(false);
    }

    private static Anchor link(String path, String text) {
        Anchor anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}
