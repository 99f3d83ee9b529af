package org.flowfield;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package structure, checked: features depend downwards only, and never in a cycle. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.flowfield");
    }

    @Test
    void theDataSetsDependOnNoOtherFeature() {
        noClasses().that().resideInAPackage("org.flowfield.data..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.flowfield.flows..", "org.flowfield.training..", "org.flowfield.metrics..",
                        "org.flowfield.cli..", "org.flowfield.engine..")
                .check(classes);
    }

    @Test
    void theUsersDataSetsKnowNothingOfTheRunsThatTrainOnThem() {
        // the runs feature answers the data sets' questions through datasets.RunLookup and datasets.StorageRoom
        noClasses().that().resideInAPackage("org.flowfield.datasets..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.flowfield.runs..", "org.flowfield.training..", "org.flowfield.flows..", "org.flowfield.engine..")
                .check(classes);
    }

    @Test
    void theMathKnowsNothingOfTrainingRunsMetricsOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.flowfield.flows..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.flowfield.training..", "org.flowfield.metrics..", "org.flowfield.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.flowfield.cli..", "org.flowfield")
                .should().dependOnClassesThat().resideInAPackage("org.flowfield.cli..")
                .check(classes);
    }

    @Test
    void onlyTheEngineLayerTouchesDjlsPyTorchBindingDirectly() {
        noClasses().that().resideOutsideOfPackage("org.flowfield.engine..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheComparisonAndItUsesOnlyTheFeaturesBeneathIt() {
        // the runs list's Compare button navigates by the route's name, so runs.ui needs no compare class either
        noClasses().that().resideOutsideOfPackage("org.flowfield.compare..")
                .should().dependOnClassesThat().resideInAPackage("org.flowfield.compare..")
                .check(classes);
        noClasses().that().resideInAPackage("org.flowfield.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flowfield.accounts..", "org.flowfield.classrooms..",
                        "org.flowfield.cli..", "org.flowfield.engine..", "org.flowfield.queue..", "org.flowfield.runs.ui..",
                        "org.flowfield.questions.ui..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.flowfield.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void servicesAndDomainsNeverDependOnViews() {
        // the security configuration is web wiring: it names the log-in view
        noClasses().that().resideOutsideOfPackages("..ui..", "org.flowfield", "org.flowfield.security..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "com.vaadin.flow.component..")
                .check(classes);
    }
}
