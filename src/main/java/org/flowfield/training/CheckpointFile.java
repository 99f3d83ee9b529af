package org.flowfield.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowfield.data.Standardization;
import org.flowfield.flows.ModelState;

/**
 * Reads and writes {@link Checkpoint}s. A write replaces the file durably and atomically
 * ({@link DurableFile}), so a reader sees either the old checkpoint or the new one, never a
 * half-written file.
 */
public final class CheckpointFile {

    private static final int MAGIC = 0x464C4F57; // "FLOW"
    private static final int VERSION = 1;

    private CheckpointFile() {}

    /** Writes durably (see {@link DurableFile}); throws {@link TrainingFailedException} naming the file when it cannot. */
    public static void write(Path target, Checkpoint checkpoint) {
        try {
            DurableFile.replace(target, out -> encode(out, checkpoint));
        } catch (IOException e) {
            throw new TrainingFailedException("could not write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    public static Checkpoint read(Path source) {
        try (InputStream stream = Files.newInputStream(source);
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            return decode(in);
        } catch (IOException e) {
            throw new TrainingFailedException("could not read checkpoint " + source + ": " + e.getMessage(), e);
        }
    }

    private static void encode(DataOutputStream out, Checkpoint checkpoint) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        Map<String, String> config = TrainingConfigCodec.encode(checkpoint.config());
        out.writeInt(config.size());
        for (Map.Entry<String, String> entry : config.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
        Standardization stats = checkpoint.standardization();
        out.writeDouble(stats.meanX());
        out.writeDouble(stats.meanY());
        out.writeDouble(stats.stdX());
        out.writeDouble(stats.stdY());
        out.writeInt(checkpoint.nextEpoch());
        out.writeInt(checkpoint.nextStepInEpoch());
        out.writeLong(checkpoint.step());
        out.writeDouble(checkpoint.trainingSeconds());
        ModelState model = checkpoint.model();
        out.writeLong(model.optimizerSteps());
        writeFloats(out, model.parameters());
        writeFloats(out, model.adamFirstMoment());
        writeFloats(out, model.adamSecondMoment());
    }

    private static Checkpoint decode(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Flowfield checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported checkpoint version " + version);
        }
        int entries = in.readInt();
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            config.put(in.readUTF(), in.readUTF());
        }
        Standardization stats = new Standardization(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        int nextEpoch = in.readInt();
        int nextStep = in.readInt();
        long step = in.readLong();
        double seconds = in.readDouble();
        long optimizerSteps = in.readLong();
        float[] parameters = readFloats(in);
        float[] first = readFloats(in);
        float[] second = readFloats(in);
        return new Checkpoint(TrainingConfigCodec.decode(config), stats, nextEpoch, nextStep, step, seconds,
                new ModelState(parameters, first, second, optimizerSteps));
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 100_000_000) {
            throw new IOException("corrupt array length " + length);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

}
