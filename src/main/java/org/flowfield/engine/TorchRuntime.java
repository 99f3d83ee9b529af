package org.flowfield.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine offline, with a fixed number of intra-op threads, and picks the
 * device every computation runs on: the first GPU when one is present, otherwise the CPU.
 *
 * <p>Thread counts are read by the engine once, when it starts; {@link #start(int)} must therefore
 * run before anything else touches DJL.
 */
public final class TorchRuntime {

    private static final Logger log = LoggerFactory.getLogger(TorchRuntime.class);
    private static volatile TorchRuntime instance;

    private final Engine engine;
    private final Device device;

    private TorchRuntime(Engine engine, Device device) {
        this.engine = engine;
        this.device = device;
    }

    /**
     * Starts the engine (once per JVM) and returns it.
     *
     * @param intraOpThreads PyTorch intra-op threads; one per training run was fastest on small
     *     CPU machines
     */
    public static synchronized TorchRuntime start(int intraOpThreads) {
        if (instance == null) {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
            }
            boolean heapKept = NativeHeap.keepFreedMemory();
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            Engine engine = Engine.getEngine("PyTorch");
            MklKernels.Outcome kernels = MklKernels.useAvx512OnAmd();
            Device device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            log.info("Flowfield computes on {} (PyTorch {}, {} intra-op thread(s), MKL with {}, freed native memory {})",
                    describe(device), engine.getVersion(), intraOpThreads, kernels.description(),
                    heapKept ? "kept for reuse" : "as the C library handles it");
            instance = new TorchRuntime(engine, device);
        }
        return instance;
    }

    /** The running engine, starting it with one intra-op thread if nothing started it yet. */
    public static TorchRuntime get() {
        TorchRuntime current = instance;
        return current != null ? current : start(1);
    }

    /**
     * Sets PyTorch's intra-op thread count for work started from the calling thread (OpenMP keeps
     * the count per thread): one for a training step, two helped large sampling batches on a
     * 2-core machine.
     */
    public void useIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + threads);
        }
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }

    /** PyTorch's intra-op thread count for work started from the calling thread. */
    public int intraOpThreads() {
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }

    public Device device() {
        return device;
    }

    /** A human-readable name of the device, e.g. "CPU" or "GPU 0". */
    public String deviceName() {
        return describe(device);
    }

    /** A new root manager on the compute device; close it to free everything it holds. */
    public NDManager newManager() {
        return NDManager.newBaseManager(device, engine.getEngineName());
    }

    private static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
    }
}
