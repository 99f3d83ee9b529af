package org.flowfield.datasets;

import java.util.List;

/** A drawing or an uploaded file that cannot become a data set; each problem says where and what. */
public class InvalidDataSetException extends RuntimeException {

    private final List<String> problems;

    InvalidDataSetException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    InvalidDataSetException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, with its line number where it has one. */
    public List<String> problems() {
        return problems;
    }
}
