package org.flowfield.runs;

import java.util.concurrent.atomic.AtomicInteger;
import org.flowfield.flows.FlowModel;
import org.flowfield.queue.QueueLimits;
import org.flowfield.training.ModelFactory;
import org.flowfield.training.PackPool;
import org.flowfield.training.PackTrainer;
import org.flowfield.training.RunLoop;
import org.flowfield.training.TrainingResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The packs of this server's device: runs of one shape train together, up to
 * {@code flowfield.packs.largest} in a pack (by default {@link QueueLimits#LARGEST_CPU_PACK} on a
 * CPU, {@link QueueLimits#GPU_SLOTS} on a GPU); runs of different shapes train in different packs
 * that share the device's time.
 */
@Component
class DevicePacks implements DisposableBean {

    private final PackPool pool;
    private final AtomicInteger runsOnDevice = new AtomicInteger();

    DevicePacks(@Value("${flowfield.packs.largest}") int largest, @Value("${flowfield.queue.gpu:false}") boolean gpu) {
        int packSize = largest > 0 ? largest : gpu ? QueueLimits.GPU_SLOTS : QueueLimits.LARGEST_CPU_PACK;
        this.pool = new PackPool(packSize, ModelFactory::pack);
    }

    /** Trains the run in a pack and computes its figures on the calling thread; returns when it has left. */
    TrainingResult train(RunLoop loop, FlowModel model, PackTrainer.Membership membership) {
        runsOnDevice.incrementAndGet();
        try {
            return pool.train(loop, model, 1, membership);
        } finally {
            runsOnDevice.decrementAndGet();
        }
    }

    /** Whether a run trains on this device now, or computes its held-out figures after training. */
    boolean busy() {
        return runsOnDevice.get() > 0;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
