package org.flowfield.datasets;

/** The caller may read the data set (through a run shared with them) but only its owner may change it. */
public class NotDataSetOwnerException extends RuntimeException {

    NotDataSetOwnerException(String name) {
        super("“" + name + "” is shared with you through a run; only its owner may change or delete it.");
    }
}
