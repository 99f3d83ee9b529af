package org.flowfield.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The students' chosen points: kept per account, in order, validated before anything is written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "flowfield.data-dir=./target/test-data/chosen-points-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false"
})
class ChosenPointsServiceTest {

    @Autowired
    ChosenPointsService chosen;

    @Autowired
    JdbcClient jdbc;

    private UUID account() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, username, password_hash, created_at) values (?, ?, ?, ?)")
                .params(id, "points-" + id.toString().substring(0, 8), "$2a$04$unused", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    @Test
    void anAccountWithoutPointsGetsNoneAndSavedPointsComeBackInOrderForThatAccountOnly() {
        UUID student = account();
        UUID other = account();
        assertThat(chosen.find(student)).isEmpty();

        chosen.save(student, new float[] {1.5f, -0.25f, -0f, 2f, 3f, 4f});
        chosen.save(other, new float[] {9f, 9f});

        assertThat(chosen.find(student)).hasValueSatisfying(points -> assertThat(points).containsExactly(1.5f, -0.25f, 0f, 2f, 3f, 4f));
        assertThat(chosen.find(other)).hasValueSatisfying(points -> assertThat(points).containsExactly(9f, 9f));
        chosen.save(student, new float[] {0.5f, 0.5f});
        assertThat(chosen.find(student)).hasValueSatisfying(points -> assertThat(points).containsExactly(0.5f, 0.5f));
        chosen.clear(student);
        assertThat(chosen.find(student)).isEmpty();
        assertThat(chosen.find(other)).isPresent();
    }

    @Test
    void tooManyNonFiniteOrFarPointsAreRejectedAndTheKeptPointsStay() {
        UUID student = account();
        chosen.save(student, new float[] {1f, 1f});

        assertThatThrownBy(() -> chosen.save(student, new float[2 * QuestionInputs.MAX_POINTS + 2]))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("at most " + QuestionInputs.MAX_POINTS);
        assertThatThrownBy(() -> chosen.save(student, new float[] {Float.NaN, 0f}))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("point 1 x");
        assertThatThrownBy(() -> chosen.save(student, new float[] {0f, 0f, 0f, 101f}))
                .isInstanceOf(InvalidQuestionInputException.class).hasMessageContaining("point 2 y");
        assertThatThrownBy(() -> chosen.save(student, new float[0])).isInstanceOf(InvalidQuestionInputException.class);

        assertThat(chosen.find(student)).hasValueSatisfying(points -> assertThat(points).containsExactly(1f, 1f));
    }
}
