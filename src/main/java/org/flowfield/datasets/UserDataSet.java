package org.flowfield.datasets;

import java.time.Instant;
import java.util.UUID;

/**
 * A data set a user made, without its points.
 *
 * @param classes the number of classes its points are labelled with; 0 when unlabelled
 */
public record UserDataSet(UUID id, UUID ownerId, String name, DataSetSource source, Instant createdAt, int pointCount, int classes) {

    public boolean labelled() {
        return classes > 0;
    }

    public boolean ownedBy(UUID accountId) {
        return ownerId.equals(accountId);
    }
}
