package org.flowfield.datasets;

import java.util.List;

/**
 * Deleting a data set that runs trained on is refused: a run's page, its figures against the
 * truth and its forks read the data again, so the data stays while any such run is kept.
 */
public class DataSetInUseException extends RuntimeException {

    private final List<String> runNames;

    DataSetInUseException(String dataSetName, List<String> runNames) {
        super("“" + dataSetName + "” is not deleted: " + (runNames.size() == 1 ? "the run " : runNames.size() + " runs ")
                + String.join(", ", runNames.stream().map(name -> "“" + name + "”").toList())
                + (runNames.size() == 1 ? " trains" : " train") + " on it, and a run's page and figures read its data again."
                + " Delete " + (runNames.size() == 1 ? "that run" : "those runs") + " first.");
        this.runNames = List.copyOf(runNames);
    }

    public List<String> runNames() {
        return runNames;
    }
}
