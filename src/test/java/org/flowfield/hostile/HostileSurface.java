package org.flowfield.hostile;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import java.util.UUID;
import org.flowfield.accounts.AccountService;
import org.flowfield.testing.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the hostile-input tests share: one Spring context on a real H2 file database (the same
 * properties as the view tests, so the context is reused), a mock Vaadin UI, a signed-in user,
 * and row counts to show that a refused input stored nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/new-run-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
abstract class HostileSurface {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    /** The views, found once: scanning the class path for every case would dominate the suite's time. */
    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.flowfield");

    UUID me;

    @BeforeEach
    void signInWithAMockUi() {
        MockVaadin.setup(ROUTES);
        // 12 random hex digits: the suite signs up hundreds of users in one database
        String username = "hostile-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        me = accounts.signUp(username, Sessions.PASSWORD).id();
        Sessions.logIn(username);
    }

    @AfterEach
    void tearDownTheUi() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** The number of rows of a table. */
    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
