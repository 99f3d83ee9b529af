package org.flowfield.datasets;

import java.util.UUID;

/** No data set with this id that the caller may see: missing and someone else's answer alike. */
public class DataSetNotFoundException extends RuntimeException {

    DataSetNotFoundException(UUID id) {
        super("There is no data set " + id + ".");
    }
}
