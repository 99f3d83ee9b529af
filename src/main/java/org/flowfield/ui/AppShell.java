package org.flowfield.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page around every view: server push for live updates, the Lumo theme. */
@Push
@com.vaadin.flow.component.dependency.StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {}
