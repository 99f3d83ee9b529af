package org.flowfield.datasets;

/** The owner keeps as many runs and data sets as the storage quota allows; the message says so and what to delete. */
public class StorageFullException extends RuntimeException {

    /** For the {@link StorageRoom} that keeps the quota, with the quota's own message. */
    public StorageFullException(String message) {
        super(message);
    }
}
