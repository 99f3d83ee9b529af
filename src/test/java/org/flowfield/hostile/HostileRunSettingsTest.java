package org.flowfield.hostile;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.beans.PropertyDescriptor;
import java.util.List;
import org.flowfield.flows.ModelFamily;
import org.flowfield.hostile.HostileInputs.SettingCase;
import org.flowfield.hostile.HostileInputs.SettingValueCase;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunSharingService;
import org.flowfield.runs.settings.FieldError;
import org.flowfield.runs.settings.InvalidRunSettingsException;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.SettingText;
import org.flowfield.runs.ui.NewRunView;
import org.flowfield.runs.ui.RunSettingsForm;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every run setting's bounds and malformed numbers ({@link HostileInputs#settings()}), through the
 * service (as any client's text reaches it) and through the new-run page (forced into the field's
 * element, past the browser): each is refused with its own message naming what was typed, and no
 * run is stored.
 */
class HostileRunSettingsTest extends HostileSurface {

    @Autowired
    RunService runs;

    @Autowired
    RunSharingService sharing;

    @Autowired org.flowfield.datasets.UserDataSets userDataSets;

    @Autowired
    CurrentAccount current;

    static List<SettingCase> settings() {
        return HostileInputs.settings();
    }

    static List<SettingValueCase> settingValues() {
        return HostileInputs.settingValues();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theServiceRefusesTheTextByNameAndStoresNothing(SettingCase hostile) {
        RunSettings settings = RunPresets.exerciseDefaults(hostile.family());
        SettingText.enter(settings, hostile.field(), hostile.typed());

        assertRefused(settings, hostile.field(), hostile.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingValues")
    void theServiceRefusesValuesNoFormProducesAndStoresNothing(SettingValueCase hostile) throws Exception {
        RunSettings settings = RunPresets.exerciseDefaults(hostile.family());
        new PropertyDescriptor(hostile.field(), RunSettings.class).getWriteMethod().invoke(settings, hostile.value());

        assertRefused(settings, hostile.field(), hostile.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theFormShowsTheMessageForTextForcedIntoTheFieldAndQueuesNothing(SettingCase hostile) {
        NewRunView view = new NewRunView(runs, sharing, userDataSets, current);
        UI.getCurrent().add(view);
        @SuppressWarnings("unchecked")
        Select<ModelFamily> family = _get(view, Select.class, spec -> spec.withId(RunSettingsForm.ID_PREFIX + RunSettings.FAMILY));
        family.setValue(hostile.family());
        TextField field = _get(view, TextField.class, spec -> spec.withId(RunSettingsForm.ID_PREFIX + hostile.field()));
        long before = rows("run");

        field.getElement().setProperty("value", hostile.typed());
        _click(_get(view, Button.class, spec -> spec.withText("Queue the run")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains(hostile.expected());
        assertThat(rows("run")).isEqualTo(before);
        assertThat(runs.listOwn(me)).isEmpty();
    }

    private void assertRefused(RunSettings settings, String field, String expected) {
        long before = rows("run");

        assertThatThrownBy(() -> runs.queue(me, settings)).isInstanceOfSatisfying(InvalidRunSettingsException.class,
                e -> assertThat(FieldError.byField(e.errors()).get(field)).anySatisfy(message -> assertThat(message).contains(expected)));

        assertThat(rows("run")).isEqualTo(before);
        assertThat(runs.listOwn(me)).isEmpty();
    }
}
