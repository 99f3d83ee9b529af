package org.flowfield.hostile;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.stream.Stream;
import org.flowfield.accounts.InvalidAccountException;
import org.flowfield.signup.SignUpService;
import org.flowfield.signup.ui.SignUpView;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.classrooms.ui.ClassroomsView;
import org.flowfield.flows.ModelFamily;
import org.flowfield.hostile.HostileInputs.NameCase;
import org.flowfield.hostile.HostileInputs.UsernameCase;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.ui.NewRunView;
import org.flowfield.runs.ui.RunSettingsForm;
import org.flowfield.runs.ui.RunView;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Unicode tricks, markup and lengths in every name a user gives ({@link HostileInputs#names()},
 * {@link HostileInputs#usernames()}): run names and class names through their services and their
 * pages, usernames through sign-up, names that copy a reference run's; each is refused with its
 * own message and stores nothing, and what is accepted is stored normalized and shown as text.
 */
class HostileNamesTest extends HostileSurface {

    @Autowired
    RunService runs;

    @Autowired
    RunSharingService sharing;

    @Autowired org.flowfield.datasets.UserDataSets userDataSets;

    @Autowired
    ClassroomService classrooms;

    @Autowired
    CurrentAccount current;

    @Autowired
    SignUpService signUps;

    static List<NameCase> names() {
        return HostileInputs.names();
    }

    static List<NameCase> acceptedNames() {
        return HostileInputs.acceptedNames();
    }

    static List<UsernameCase> usernames() {
        return HostileInputs.usernames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theRunServiceRefusesTheNameAndStoresNothing(NameCase hostile) {
        assertRunNameRefused(hostile.typed(), "Name" + hostile.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theNewRunPageShowsTheNamesProblemAndQueuesNothing(NameCase hostile) {
        TextField name = forceRunName(hostile.typed());

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Name" + hostile.expected());
        assertThat(runs.listOwn(me)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theClassServiceRefusesTheNameAndStoresNothing(NameCase hostile) {
        long before = rows("classroom");

        assertThatThrownBy(() -> classrooms.create(me, hostile.typed())).isInstanceOf(InvalidClassroomException.class)
                .message().contains("Class name" + hostile.expected());

        assertThat(rows("classroom")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theClassesPageShowsTheNamesProblemAndCreatesNothing(NameCase hostile) {
        ClassroomsView view = new ClassroomsView(classrooms, current);
        UI.getCurrent().add(view);
        TextField name = _get(view, TextField.class, spec -> spec.withLabel("New class"));
        long before = rows("classroom");

        name.getElement().setProperty("value", hostile.typed());
        _click(_get(view, Button.class, spec -> spec.withText("Create class")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Class name" + hostile.expected());
        assertThat(rows("classroom")).isEqualTo(before);
        assertThat(classrooms.listMine(me)).isEmpty();
    }

    static Stream<String> copiesOfAReferenceName() {
        String reference = "Reference: Normalizing flow (exercise recipe, seed 0)";
        return Stream.of(reference, reference.toUpperCase(), "  " + reference + "\u00A0", reference.replace(" ", "   "),
                reference.replace(" ", "\u00A0"), reference.replace("R", "\uFF32"), reference.replace("flow", "ﬂow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiesOfAReferenceName")
    void aCopyOfAReferenceRunsNameIsRefusedByTheServiceAndThePage(String copy) {
        assertThat(runs.listReference()).extracting(Run::name).contains("Reference: Normalizing flow (exercise recipe, seed 0)");
        String expected = "Name must differ from the reference run “Reference: Normalizing flow (exercise recipe, seed 0)”";
        assertRunNameRefused(copy, expected);

        TextField name = forceRunName(copy);
        assertThat(name.getErrorMessage()).isEqualTo(expected + ", so that nobody takes your run for it");
        assertThat(runs.listOwn(me)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedNames")
    void oddButHarmlessNamesAreStoredNormalizedAndShownAsText(NameCase accepted) {
        RunSettings settings = RunPresets.exerciseDefaults(ModelFamily.NORMALIZING_FLOW);
        settings.setName(accepted.typed());
        Run run = runs.queue(me, settings);
        Classroom classroom = classrooms.create(me, accepted.typed());

        assertThat(runs.find(me, run.id()).orElseThrow().name()).isEqualTo(accepted.expected());
        assertThat(classrooms.find(me, classroom.id()).name()).isEqualTo(accepted.expected());

        RunView page = new RunView(runs, current);
        UI.getCurrent().add(page);
        page.show(run.id().toString());
        assertThat(texts(page.getElement())).contains(accepted.expected());
        assertThat(tags(page.getElement())).doesNotContain("script", "b", "img");
        ClassroomsView classes = new ClassroomsView(classrooms, current);
        UI.getCurrent().add(classes);
        @SuppressWarnings("unchecked")
        Grid<Classroom> grid = _get(classes, Grid.class);
        assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).isEqualTo(accepted.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usernames")
    void signUpRefusesTheUsernameAndStoresNothing(UsernameCase hostile) {
        long before = rows("account");

        assertThatThrownBy(() -> accounts.signUp(hostile.typed(), "a long password"))
                .isInstanceOf(InvalidAccountException.class).message().contains(hostile.expected());

        assertThat(rows("account")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usernames")
    void theSignUpPageShowsTheUsernamesProblemAndCreatesNothing(UsernameCase hostile) {
        SignUpView view = new SignUpView(signUps);
        UI.getCurrent().add(view);
        TextField username = _get(view, TextField.class, spec -> spec.withLabel("Username"));
        long before = rows("account");

        username.getElement().setProperty("value", hostile.typed());
        _get(view, PasswordField.class, spec -> spec.withLabel("Password")).setValue("a long password");
        _get(view, PasswordField.class, spec -> spec.withLabel("Password again")).setValue("a long password");
        _click(_get(view, Button.class, spec -> spec.withText("Create account")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).contains(hostile.expected());
        assertThat(rows("account")).isEqualTo(before);
    }

    @Test
    void aForkOfALongEmojiNameIsCutBetweenCharactersNotInsideOne() {
        RunSettings settings = RunPresets.exerciseDefaults(ModelFamily.FLOW_MATCHING);
        settings.setName("nn" + "🌀".repeat(39));
        Run run = runs.queue(me, settings);

        String fork = sharing.forkSettings(me, run.id()).getName();

        assertThat(fork).hasSizeLessThanOrEqualTo(80).startsWith("Fork of nn🌀").endsWith("🌀…");
        RunSettings forked = sharing.forkSettings(me, run.id());
        assertThat(runs.queue(me, forked).name()).isEqualTo(fork);
    }

    private void assertRunNameRefused(String typed, String expected) {
        RunSettings settings = RunPresets.exerciseDefaults(ModelFamily.NORMALIZING_FLOW);
        settings.setName(typed);
        long before = rows("run");

        assertThatThrownBy(() -> runs.queue(me, settings)).isInstanceOfSatisfying(InvalidRunSettingsException.class,
                e -> assertThat(FieldError.byField(e.errors()).get(RunSettings.NAME)).singleElement().asString().contains(expected));

        assertThat(rows("run")).isEqualTo(before);
        assertThat(runs.listOwn(me)).isEmpty();
    }

    /** Opens the new-run page, forces {@code typed} into the name's element and queues; returns the name field. */
    private TextField forceRunName(String typed) {
        NewRunView view = new NewRunView(runs, sharing, userDataSets, current);
        UI.getCurrent().add(view);
        TextField name = _get(view, TextField.class, spec -> spec.withId(RunSettingsForm.ID_PREFIX + RunSettings.NAME));
        long before = rows("run");
        name.getElement().setProperty("value", typed);
        _click(_get(view, Button.class, spec -> spec.withText("Queue the run")));
        assertThat(rows("run")).isEqualTo(before);
        return name;
    }

    private static List<String> texts(Element element) {
        return Stream.concat(Stream.of(element.getText()), element.getChildren().flatMap(child -> texts(child).stream())).toList();
    }

    private static List<String> tags(Element element) {
        if (element.isTextNode()) {
            return List.of();
        }
        return Stream.concat(Stream.of(element.getTag()), element.getChildren().flatMap(child -> tags(child).stream())).toList();
    }
}
