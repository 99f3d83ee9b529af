package org.flowfield.runs.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.training.ProgressReport;

/**
 * Run updates as the text of a PostgreSQL notification: the sending server's id, a letter for the
 * kind, the run id, and for progress its numbers (exact decimal doubles), space-separated. An
 * epoch travels as its number only, because its samples would not fit the 8,000 bytes of a
 * notification: the receiver reads them from the database and the shared data directory.
 */
final class RunUpdateMessages {

    private static final char PROGRESS = 'P';
    private static final char EPOCH = 'E';
    private static final char STATUS = 'S';
    private static final char ACCESS = 'A';

    private RunUpdateMessages() {}

    /** A message as it arrived: who sent it, and the update it describes. */
    record Incoming(String sender, char kind, UUID runId, String[] fields) {

        /** @throws NumberFormatException when a number in the message is not one */
        Optional<RunUpdate> update(StoredEpochs epochs) {
            return switch (kind) {
                case PROGRESS -> Optional.of(new RunUpdate.Progress(runId, new ProgressReport(
                        Long.parseLong(fields[0]), Long.parseLong(fields[1]), Integer.parseInt(fields[2]),
                        Integer.parseInt(fields[3]), Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                        Double.parseDouble(fields[6]), Double.parseDouble(fields[7]), Double.parseDouble(fields[8]))));
                case EPOCH -> epochs.read(runId, Integer.parseInt(fields[0])).map(report -> new RunUpdate.Epoch(runId, report));
                case STATUS -> Optional.of(new RunUpdate.StatusChanged(runId));
                case ACCESS -> Optional.of(new RunUpdate.AccessChanged(runId));
                default -> Optional.empty();
            };
        }
    }

    /** The message for an update, or empty for one that does not travel between servers. */
    static Optional<String> encode(String sender, RunUpdate update) {
        String head = sender + " %c " + update.runId();
        return switch (update) {
            case RunUpdate.Progress progress -> {
                ProgressReport r = progress.report();
                yield Optional.of(head.formatted(PROGRESS) + " " + r.step() + " " + r.totalSteps() + " " + r.epoch() + " "
                        + r.windowSteps() + " " + r.loss() + " " + r.logDet() + " " + r.logPz() + " " + r.learningRate() + " "
                        + r.stepsPerSecond());
            }
            case RunUpdate.Epoch epoch -> Optional.of(head.formatted(EPOCH) + " " + epoch.report().epoch());
            case RunUpdate.StatusChanged ignored -> Optional.of(head.formatted(STATUS));
            case RunUpdate.AccessChanged ignored -> Optional.of(head.formatted(ACCESS));
            case RunUpdate.AccessLost ignored -> Optional.empty();
        };
    }

    /** Reads a message; empty for text that is not one. */
    static Optional<Incoming> decode(String text) {
        String[] parts = text.split(" ");
        if (parts.length < 3 || parts[1].length() != 1) {
            return Optional.empty();
        }
        char kind = parts[1].charAt(0);
        int expected = switch (kind) {
            case PROGRESS -> 9;
            case EPOCH -> 1;
            case STATUS, ACCESS -> 0;
            default -> -1;
        };
        if (parts.length != 3 + expected) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Incoming(parts[0], kind, UUID.fromString(parts[2]), Arrays.copyOfRange(parts, 3, parts.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
