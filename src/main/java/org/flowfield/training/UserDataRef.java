package org.flowfield.training;

import java.util.Objects;
import java.util.UUID;

/**
 * A run's reference to one of its owner's data sets (drawn or uploaded), by id; the training core
 * never reads the data set itself: whoever starts the run resolves it into a {@link RunData}.
 *
 * @param id the data set's id
 * @param classes the number of classes its points are labelled with; 0 when unlabelled (a drawing)
 */
public record UserDataRef(UUID id, int classes) {

    /** Why a class-conditional run cannot learn an unlabelled data set of a user's. */
    public static final String WITHOUT_CLASSES = "a class-conditional model needs a data set with classes; this one has none";

    public UserDataRef {
        Objects.requireNonNull(id, "id");
        if (classes < 0) {
            throw new IllegalArgumentException("a data set has no negative number of classes, got " + classes);
        }
    }

    public boolean labelled() {
        return classes > 0;
    }
}
