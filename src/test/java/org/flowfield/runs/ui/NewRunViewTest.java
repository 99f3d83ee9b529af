package org.flowfield.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.flows.ModelFamily;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.RunStatus;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/new-run-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class NewRunViewTest {

    @Autowired
    AccountService accounts;

    @Autowired
    RunService runs;

    @Autowired
    CurrentAccount current;

    @Autowired
    org.flowfield.runs.RunSharingService sharing;

    UUID me;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield"));
        String username = "me-" + UUID.randomUUID().toString().substring(0, 6);
        me = accounts.signUp(username, "a long password").id();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aValidFormQueuesTheRunForTheUserAndReturnsToTheList() {
        UI.getCurrent().navigate("login");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
        NewRunView view = new NewRunView(runs, sharing, current);
        UI.getCurrent().add(view);
        view.form.family.setValue(ModelFamily.FLOW_MATCHING);
        view.form.preset.setValue(RunPreset.SMOKE);
        view.form.text(RunSettingsSchema.NAME).setValue("my first flow");

        view.form.queue.click();

        assertThat(runs.listOwn(me)).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("my first flow");
            assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
            assertThat(run.config().family()).isEqualTo(ModelFamily.FLOW_MATCHING);
        });
        // the list's route; building the list itself needs Spring's injection, which this mock UI does not do
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "-1", "abc", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000",
        "../../etc/passwd", "<script>alert(1)</script>", "\u202E", "%00"})
    void aForgedForkAddressStartsFromTheDefaultsWithAMessage(String address) {
        NewRunView view = new NewRunView(runs, sharing, current);
        UI.getCurrent().add(view);

        view.startFrom(address);
        view.startFrom(UUID.randomUUID() + address);

        assertThat(view.heading.getText()).isEqualTo("New run");
        assertThat(view.form.text(RunSettingsSchema.NAME).getValue()).isEqualTo("Normalizing flow, exercise defaults");
    }

    @Test
    void anInvalidFormQueuesNothing() {
        NewRunView view = new NewRunView(runs, sharing, current);
        UI.getCurrent().add(view);
        view.form.text(RunSettingsSchema.EPOCHS).setValue("1000");

        view.form.queue.click();

        assertThat(runs.listOwn(me)).extracting(Run::id).isEmpty();
        assertThat(view.form.text(RunSettingsSchema.EPOCHS).getErrorMessage()).isEqualTo("Epochs must be between 1 and 100, not 1,000");
    }
}
