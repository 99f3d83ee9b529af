package org.flowfield.admin;

import java.util.List;
import java.util.UUID;
import org.flowfield.runs.Run;

/**
 * Runs of the server that train together on one device.
 *
 * @param device where they train ("CPU", "GPU 0"); "waiting for a trainer" for started runs that
 *     no trainer holds (waiting to resume, or for a worker)
 * @param packId the pack, or null for runs in no pack
 * @param runs its runs, in the order they started
 */
public record TrainingPack(String device, UUID packId, List<Run> runs) {

    /** What the device column says of started runs that no pack holds. */
    public static final String NO_TRAINER = "waiting for a trainer";

    public TrainingPack {
        runs = List.copyOf(runs);
    }
}
