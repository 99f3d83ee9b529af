package org.flowfield.datasets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import java.util.List;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.datasets.Stroke;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.security.CurrentAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** One data set's read-only page: its owner reads it; to anyone no run shows it to, it does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/data-set-view-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class DataSetViewTest {

    @Autowired AccountService accounts;
    @Autowired UserDataSets dataSets;
    @Autowired CurrentAccount current;

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private UUID signedIn() {
        MockVaadin.setup(new Routes().autoDiscoverViews("org.flowfield.datasets"));
        String username = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = accounts.signUp(username, "a long password").id();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        return id;
    }

    @Test
    void theOwnerReadsTheDataSetAndAStrangerFindsNothing() {
        UUID owner = signedIn();
        UserDataSet drawing = dataSets.saveDrawing(owner, "a bar", List.of(new Stroke(0.5, new double[] {-2, 0, 2, 0})), 300, 1);
        DataSetView mine = new DataSetView(dataSets, current);
        mine.open(drawing.id().toString());
        assertThat(mine.heading.getText()).isEqualTo("a bar");
        assertThat(mine.about.getText()).isEqualTo("Drawn, 300 points.");
        assertThat(mine.preview.isVisible()).isTrue();
        MockVaadin.tearDown();

        signedIn();
        DataSetView theirs = new DataSetView(dataSets, current);
        theirs.open(drawing.id().toString());
        assertThat(theirs.heading.getText()).isEqualTo(DataSetView.NOT_FOUND);
        assertThat(theirs.preview.isVisible()).isFalse();
        theirs.open("../" + drawing.id());
        assertThat(theirs.heading.getText()).isEqualTo(DataSetView.NOT_FOUND);
    }
}
