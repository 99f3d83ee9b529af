package org.flowfield.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowfield.runs.Run;

/**
 * The whole server's queue at one moment.
 *
 * @param waiting every waiting run, in the order they will start
 * @param packs the started runs, by device and pack
 * @param owners the username of every run's owner
 */
public record QueueOverview(List<Run> waiting, List<TrainingPack> packs, Map<UUID, String> owners) {

    public QueueOverview {
        waiting = List.copyOf(waiting);
        packs = List.copyOf(packs);
        owners = Map.copyOf(owners);
    }

    /** The username of a run's owner. */
    public String ownerOf(Run run) {
        return owners.getOrDefault(run.ownerId(), "?");
    }
}
