package org.flowfield.datasets;

import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The account's storage quota, which counts its data sets with its runs; the runs feature, which
 * keeps the quota, provides it.
 */
public interface StorageRoom {

    /**
     * Takes the owner's lock for the rest of the transaction (so that the owner's concurrent
     * additions are counted one after another), then checks that one more data set fits beside
     * the owner's runs and {@code storedDataSets} (counted once the lock is held).
     *
     * @throws StorageFullException when no more fits, saying what to delete
     */
    void requireRoomForOneMore(UUID ownerId, LongSupplier storedDataSets);
}
