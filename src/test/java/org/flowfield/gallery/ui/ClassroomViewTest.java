package org.flowfield.gallery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomMember;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.WhatTheInstructorSees;
import org.flowfield.runs.ClassQueueEntry;
import org.flowfield.runs.Paging;
import org.flowfield.runs.Sharing;
import org.flowfield.training.export.RunExportFiles;
import org.flowfield.classrooms.ui.ClassroomsView;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.ClassroomRunsService;
import org.flowfield.runs.FinishedRuns;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.security.CurrentAccount;
import org.flowfield.ui.chart.FlowChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/classroom-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class ClassroomViewTest {

    @Autowired AccountService accounts;
    @Autowired RunService runs;
    @Autowired RunSharingService sharing;
    @Autowired ClassroomService classrooms;
    @Autowired ClassroomRunsService classroomRuns;
    @Autowired CurrentAccount current;
    @Autowired ApplicationContext context;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.classrooms.ui"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private UUID signUpAndLogIn(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = accounts.signUp(username, "a long password").id();
        logIn(username);
        return id;
    }

    private void logIn(String username) {
        org.flowfield.testing.Sessions.logIn(username);
    }

    private ClassroomView open(Classroom classroom) {
        ClassroomView view = new ClassroomView(classrooms, classroomRuns, runs, accounts, current);
        view.show(classroom.id().toString());
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void membersSeeTheGallerySortedByFigureAndTheInstructorSeesTheQueueWithoutThePrivateRunsDetails() throws Exception {
        UUID instructor = signUpAndLogIn("instructor");
        ClassroomsView classes = new ClassroomsView(classrooms, current);
        LocatorJ._setValue(LocatorJ._get(classes, TextField.class, spec -> spec.withLabel("New class")), "Flow models");
        LocatorJ._click(LocatorJ._get(classes, Button.class, spec -> spec.withText("Create class")));
        Grid<Classroom> classGrid = LocatorJ._get(classes, Grid.class);
        Classroom classroom = GridKt._findAll(classGrid).getFirst();
        assertThat(GridKt._getFormattedRow(classGrid, 0)).contains("Flow models", "instructor", classroom.inviteCode());

        UUID ada = signUpAndLogIn("ada");
        ClassroomsView joining = new ClassroomsView(classrooms, current);
        UI.getCurrent().add(joining);
        LocatorJ._setValue(LocatorJ._get(joining, TextField.class, spec -> spec.withLabel("Invite code")),
                classroom.inviteCode().toLowerCase());
        LocatorJ._click(LocatorJ._get(joining, Button.class, spec -> spec.withText("Join class")));
        assertThat(classrooms.listMine(ada)).as("nothing happens before the user agrees").isEmpty();
        Dialog question = LocatorJ._get(Dialog.class);
        assertThat(question.getHeaderTitle()).isEqualTo("Join “Flow models”?");
        assertThat(question.getElement().getTextRecursively()).contains(
                accounts.findById(instructor).orElseThrow().username(), WhatTheInstructorSees.TEXT);
        LocatorJ._click(LocatorJ._get(question, Button.class, spec -> spec.withText("Join")));
        assertThat(GridKt._getFormattedRow(LocatorJ._get(joining, Grid.class), 0)).contains("Flow models", "student");
        Run flowMatching = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, ada, "ada's fm");
        Run normalizing = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, ada, "ada's nf");
        Run damaged = FinishedRuns.copyOfReference(context, ModelFamily.NORMALIZING_FLOW, ada, "ada's damaged nf");
        Run privateRun = FinishedRuns.copyOfReference(context, ModelFamily.CONDITIONAL_FLOW_MATCHING, ada, "ada's private cfm");
        Run waiting = runs.queue(ada, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        runs.queue(ada, RunPresets.smoke(ModelFamily.FLOW_MATCHING));
        Run training = runs.queue(ada, RunPresets.smoke(ModelFamily.NORMALIZING_FLOW));
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update run set status = 'RUNNING', device = 'CPU', pack_id = ?, pack_size = 3 where id = ?")
                .params(UUID.randomUUID(), training.id()).update();
        sharing.shareWithClassroom(ada, flowMatching.id(), classroom.id());
        sharing.shareWithClassroom(ada, normalizing.id(), classroom.id());
        sharing.shareWithClassroom(ada, damaged.id(), classroom.id());
        sharing.shareWithClassroom(ada, waiting.id(), classroom.id());
        java.nio.file.Files.write(FinishedRuns.folder(context, damaged.id()).resolve(RunExportFiles.samples(damaged.config().epochs() - 1)), new byte[] {0, 0});

        ClassroomView view = open(classroom);

        assertThat(view.queue).as("a student has no queue").isNull();
        assertThat(view.gallery.getPageSize()).isEqualTo(Paging.PAGE_SIZE);
        assertThat(view.gallery.getDataProvider().isInMemory()).as("the gallery loads a page at a time").isFalse();
        List<Run> byNll = GridKt._findAll(view.gallery);
        // equal figures (copies of one reference run): the newer first
        assertThat(byNll).extracting(Run::id).containsExactly(damaged.id(), normalizing.id(), flowMatching.id(), waiting.id());
        view.gallery.sort(List.of(new GridSortOrder<>(view.gallery.getColumnByKey("w2"), SortDirection.ASCENDING)));
        assertThat(GridKt._findAll(view.gallery)).extracting(Run::id).containsExactly(flowMatching.id(), damaged.id(),
                normalizing.id(), waiting.id());
        assertThat(GridKt._getCellComponent(view.gallery, 0, "thumbnail")).isInstanceOf(FlowChart.class);
        assertThat(((FlowChart) GridKt._getCellComponent(view.gallery, 0, "thumbnail")).series().getFirst().size())
                .isEqualTo(RunThumbnail.POINTS);
        assertThat(GridKt._getCellComponent(view.gallery, 1, "thumbnail").getElement().getTextRecursively())
                .as("the damaged run, alone").isEqualTo(ClassroomView.DAMAGED);
        assertThat(GridKt._getCellComponent(view.gallery, 2, "thumbnail")).as("the rest still render").isInstanceOf(FlowChart.class);

        logIn(accounts.findById(instructor).orElseThrow().username());
        ClassroomView instructors = open(classroom);
        List<ClassQueueEntry> queue = GridKt._findAll(instructors.queue);
        assertThat(queue).extracting(ClassQueueEntry::ownerId).containsOnly(ada);
        assertThat(queue).extracting(entry -> entry.sharedRun() == null ? null : entry.sharedRun().id())
                .containsExactly(null, waiting.id(), null);
        assertThat(GridKt._getFormattedRow(instructors.queue, 0)).contains("training", "running, pack 1 (on CPU, pack of 3)",
                "not shared with the class").doesNotContain(training.name());
        assertThat(GridKt._getFormattedRow(instructors.queue, 1)).contains("1st in line", waiting.name());
        assertThat(GridKt._getFormattedRow(instructors.queue, 2)).contains("2nd in line", "queued", "not shared with the class");
        String everything = instructors.getElement().getTextRecursively() + GridKt._findAll(instructors.gallery).stream()
                .map(Run::name).toList();
        assertThat(everything).doesNotContain(privateRun.name());
    }

    @Test
    void aStudentLeavesAndTheInstructorRemovesStudentsAndChangesTheInviteCode() {
        UUID instructor = signUpAndLogIn("teacher");
        String teacherName = accounts.findById(instructor).orElseThrow().username();
        Classroom classroom = classrooms.create(instructor, "Leaving class");
        UUID leaver = signUpAndLogIn("leaver");
        classrooms.join(leaver, classroom.inviteCode());
        Run shared = FinishedRuns.copyOfReference(context, ModelFamily.FLOW_MATCHING, leaver, "leaver's");
        sharing.shareWithClassroom(leaver, shared.id(), classroom.id());
        UUID removed = signUpAndLogIn("removed");
        String removedName = accounts.findById(removed).orElseThrow().username();
        classrooms.join(removed, classroom.inviteCode());

        logIn(accounts.findById(leaver).orElseThrow().username());
        ClassroomView students = open(classroom);
        assertThat(students.newInviteCode).as("only the instructor changes the code").isNull();
        LocatorJ._click(students.leave);
        assertThat(classrooms.isMember(leaver, classroom.id())).as("not before the user agrees").isTrue();
        LocatorJ._click(LocatorJ._get(LocatorJ._get(Dialog.class), Button.class, spec -> spec.withText("Leave class")));
        assertThat(classrooms.isMember(leaver, classroom.id())).isFalse();
        assertThat(students.getPageTitle()).isEqualTo(ClassroomView.LEFT + " · Flowfield");
        assertThat(students.gallery).isNull();
        assertThat(sharing.sharing(leaver, shared.id()).mode()).isEqualTo(Sharing.PRIVATE);

        logIn(teacherName);
        ClassroomView teachers = open(classroom);
        assertThat(teachers.leave).as("the instructor cannot leave").isNull();
        String oldCode = classroom.inviteCode();
        LocatorJ._click(teachers.newInviteCode);
        String newCode = classrooms.find(instructor, classroom.id()).inviteCode();
        assertThat(newCode).isNotEqualTo(oldCode);
        assertThat(teachers.inviteCode.getText()).isEqualTo("Invite code: " + newCode);
        assertThat(GridKt._findAll(teachers.members)).extracting(ClassroomMember::username).containsExactly(teacherName, removedName);
        LocatorJ._click((Button) GridKt._getCellComponent(teachers.members, 1, "remove"));
        LocatorJ._click(LocatorJ._get(LocatorJ._get(Dialog.class), Button.class, spec -> spec.withText("Remove")));
        assertThat(classrooms.isMember(removed, classroom.id())).isFalse();
        assertThat(GridKt._findAll(teachers.members)).extracting(ClassroomMember::username).containsExactly(teacherName);
    }

    @Test
    void aClassTheUserIsNotInLooksExactlyLikeOneThatDoesNotExist() {
        UUID instructor = signUpAndLogIn("teacher");
        Classroom classroom = classrooms.create(instructor, "Closed class");
        signUpAndLogIn("stranger");

        String foreign = open(classroom).getElement().getTextRecursively();
        UI.getCurrent().removeAll();
        ClassroomView missing = new ClassroomView(classrooms, classroomRuns, runs, accounts, current);
        missing.show(UUID.randomUUID().toString());

        assertThat(foreign).isEqualTo(missing.getElement().getTextRecursively()).contains(ClassroomView.NOT_FOUND)
                .doesNotContain("Closed class");
        assertThat(missing.getPageTitle()).isEqualTo("Class not found · Flowfield");
    }
}
