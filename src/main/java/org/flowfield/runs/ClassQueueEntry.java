package org.flowfield.runs;

import java.util.UUID;

/**
 * A student's waiting or training run as the class's instructor sees it in the queue: whose it is,
 * its status and its place, and nothing else unless the student shared it with the class.
 *
 * @param training whether it has started (it trains, or waits to resume)
 * @param place its place in the shared queue (1 starts next); 0 while it trains
 * @param status "queued", "running", "computing figures" or "waiting to resume"
 * @param pack the number of the pack it trains in, counted within this list from 1; 0 when none
 * @param whereItTrains e.g. "on CPU, pack of 3"; empty before it started
 * @param sharedRun the run itself when its owner shared it with this class, else null
 */
public record ClassQueueEntry(UUID ownerId, boolean training, int place, String status, int pack, String whereItTrains, Run sharedRun) {}
