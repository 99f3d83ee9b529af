package org.flowfield.training.export;

/** The names of the files in a run's folder. */
public final class RunExportFiles {

    public static final String RUN = "run.properties";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String PROGRESS = "progress.csv";
    public static final String PROGRESS_HEADER = "step,epoch,window_steps,loss,log_det,log_pz,learning_rate,steps_per_second";
    public static final String EPOCHS = "epochs.csv";
    public static final String BATCH_LOSSES = "batch-losses.bin";
    public static final String EPOCHS_HEADER = "epoch,step,validation_loss,validation_log_det,validation_log_pz,samples";

    private RunExportFiles() {}

    public static String samples(int epoch) {
        return "samples-epoch-" + epoch + ".bin";
    }
}
