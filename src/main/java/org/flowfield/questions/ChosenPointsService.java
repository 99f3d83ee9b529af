package org.flowfield.questions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points a student chose for probability estimation (§3.3 Q5) and reversing the flow (§4.3
 * Q5), kept per account so that the same points carry over between the student's runs and
 * between the two questions. Points are in the model's standardised coordinates (docs/data.md), at most
 * {@link QuestionInputs#MAX_POINTS}, each coordinate finite and within
 * ±{@link QuestionInputs#MAX_ABS_COORDINATE}. An account that has chosen none gets the exercise's
 * defaults from the questions themselves.
 */
@Service
public class ChosenPointsService {

    private final JdbcClient jdbc;

    ChosenPointsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's points [x0, y0, …], standardised, in the order chosen; empty when it has chosen none. */
    public Optional<float[]> find(UUID accountId) {
        List<double[]> rows = jdbc.sql("select x, y from chosen_point where account_id = :account order by position")
                .param("account", accountId)
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        float[] points = new float[2 * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            points[2 * i] = (float) rows.get(i)[0];
            points[2 * i + 1] = (float) rows.get(i)[1];
        }
        return Optional.of(points);
    }

    /**
     * Replaces the account's points.
     *
     * @param points [x0, y0, …] standardised, 1 to {@link QuestionInputs#MAX_POINTS} of them
     * @return the points as kept (−0 written as 0)
     * @throws InvalidQuestionInputException naming the first point out of bounds, before anything is written
     */
    @Transactional
    public float[] save(UUID accountId, float[] points) {
        float[] valid = QuestionInputs.points(points);
        clear(accountId);
        for (int i = 0; i < valid.length / 2; i++) {
            jdbc.sql("insert into chosen_point (account_id, position, x, y) values (:account, :position, :x, :y)")
                    .param("account", accountId)
                    .param("position", i)
                    .param("x", (double) valid[2 * i])
                    .param("y", (double) valid[2 * i + 1])
                    .update();
        }
        return valid;
    }

    /** Forgets the account's points, so that the questions use the exercise's defaults again. */
    public void clear(UUID accountId) {
        jdbc.sql("delete from chosen_point where account_id = :account").param("account", accountId).update();
    }
}
