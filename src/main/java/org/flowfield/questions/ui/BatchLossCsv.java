package org.flowfield.questions.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Every training batch's loss as CSV, for the download beside the Q1 chart: a header, then one row
 * per optimizer step in order, "step,loss", the loss as the run recorded it (float32, written so
 * that it reads back to the same value). The chart shows a reduction; this is complete.
 */
final class BatchLossCsv {

    static final String FILE_NAME = "q1-loss-per-batch.csv";
    static final String HEADER = "step,loss";

    private BatchLossCsv() {}

    /** @param losses the loss of step i + 1 at index i */
    static void write(float[] losses, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write('\n');
        for (int i = 0; i < losses.length; i++) {
            writer.write(Integer.toString(i + 1));
            writer.write(',');
            writer.write(Float.toString(losses[i]));
            writer.write('\n');
        }
        writer.flush();
    }
}
