package org.flowfield.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: server push for live updates, the Lumo theme. The production
 * bundle holds the components its build finds from the routes; run-page tabs that Spring
 * contributes (the exercise questions) are not reachable that way, so the components only they
 * use are named here.
 */
@Push
@com.vaadin.flow.component.dependency.StyleSheet(Lumo.STYLESHEET)
@Uses(RadioButtonGroup.class)
public class AppShell implements AppShellConfigurator {}
