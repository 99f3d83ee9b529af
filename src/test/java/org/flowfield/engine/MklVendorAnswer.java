package org.flowfield.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Run in a process of its own by {@link MklKernelsTest}: starts the engine, multiplies two
 * matrices, and prints MKL's answer to "is this an Intel CPU?" and the product's largest error
 * against the same product in double precision, relative to the largest entry.
 */
final class MklVendorAnswer {

    static final int ROWS = 3_072;
    static final int WIDTH = 64;

    public static void main(String[] args) throws Exception {
        TorchRuntime runtime = TorchRuntime.start(1);
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[ROWS * WIDTH];
        float[] w = new float[WIDTH * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        float[] product;
        try (NDManager manager = runtime.newManager()) {
            NDArray a = manager.create(x, new Shape(ROWS, WIDTH));
            NDArray b = manager.create(w, new Shape(WIDTH, WIDTH));
            product = a.matMul(b).toFloatArray();
        }
        double largestError = 0;
        double largestEntry = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < WIDTH; c++) {
                double exact = 0;
                for (int k = 0; k < WIDTH; k++) {
                    exact += (double) x[r * WIDTH + k] * w[k * WIDTH + c];
                }
                largestError = Math.max(largestError, Math.abs(product[r * WIDTH + c] - exact));
                largestEntry = Math.max(largestEntry, Math.abs(exact));
            }
        }
        String library = MklKernels.loadedLibrary(Files.readString(Path.of("/proc/self/maps"))).orElseThrow();
        int answer = NativeLibrary.getInstance(library).getFunction("mkl_serv_intel_cpu_true").invokeInt(new Object[0]);
        System.out.println("answer=" + answer);
        System.out.println("relativeError=" + largestError / largestEntry);
    }
}
