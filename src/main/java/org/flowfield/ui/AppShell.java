package org.flowfield.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: server push for live updates, the Lumo theme. The production
 * bundle holds the components its build finds from the routes, and by default loads a route's
 * components only when that route is first opened. Run-page tabs that Spring contributes (the
 * exercise questions) are not reachable from any route, so the components only they use are
 * named here, and every route's components load with the first page: a student who opens a run's
 * page from a shared link, before any page with number fields, would otherwise see none in its
 * tabs (RunPageTabsInTheBrowserIT opens every tab and looks for undefined elements).
 */
@Push
@com.vaadin.flow.component.dependency.StyleSheet(Lumo.STYLESHEET)
@Uses(RadioButtonGroup.class)
@LoadDependenciesOnStartup
public class AppShell implements AppShellConfigurator {}
