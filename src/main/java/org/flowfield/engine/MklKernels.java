package org.flowfield.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Lets MKL, the BLAS inside PyTorch's CPU library, run its AVX-512 kernels on AMD processors that
 * execute AVX-512.
 *
 * <p>MKL asks "is this an Intel CPU?" before it looks at the instruction sets: on any other vendor
 * it runs its generic AVX2 kernels. On this project's 2-core AMD EPYC (Zen 5) that halves the speed
 * of every matrix product; a [3,072 × 64] by [64 × 64] product ran at 80 GFLOP/s one thread, and
 * at 190 GFLOP/s with the AVX-512 kernels. MKL computes its answer once, the first time it is asked,
 * and keeps it in a variable that its function {@code mkl_serv_intel_cpu_true} reads first. Right
 * after the engine is loaded, and before its first product, that variable is still unset: this
 * class sets it to "yes", on an AMD CPU with the AVX-512 subsets MKL's kernels use, and only when
 * the function starts with the load of that variable that this engine's MKL has. Everywhere else
 * it changes nothing.
 */
final class MklKernels {

    /** What {@link #useAvx512OnAmd} did. */
    enum Outcome {
        /** MKL now runs its AVX-512 kernels on this AMD CPU. */
        AVX512_ON_AMD("AVX-512 kernels on an AMD CPU"),
        /** Not an AMD CPU with AVX-512: MKL chooses as it always does. */
        NOT_NEEDED("its own choice of kernels for this CPU"),
        /** Switched off by {@value #SWITCH}. */
        SWITCHED_OFF("its own choice of kernels (switched off by " + SWITCH + "=false)"),
        /** This engine's library has no MKL, or not the one this class knows, or MKL had already chosen. */
        NOT_POSSIBLE("its own choice of kernels (this PyTorch build's MKL could not be told)");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The system property (or environment variable FLOWFIELD_MKL_AVX512_ON_AMD) that switches this off. */
    static final String SWITCH = "flowfield.mkl.avx512-on-amd";

    /** The AVX-512 subsets of MKL's AVX-512 ("core") kernels. */
    static final Set<String> AVX512_CORE = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    private static final String LIBRARY = "/libtorch_cpu.so";
    private static final String VENDOR_CHECK = "mkl_serv_intel_cpu_true";

    private MklKernels() {}

    /** Must run after the engine is loaded and before its first matrix product. */
    static Outcome useAvx512OnAmd() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH,
                System.getenv().getOrDefault("FLOWFIELD_MKL_AVX512_ON_AMD", "true")))) {
            return Outcome.SWITCHED_OFF;
        }
        if (!isAmdWithAvx512(readOrEmpty(Path.of("/proc/cpuinfo")))) {
            return Outcome.NOT_NEEDED;
        }
        return loadedLibrary(readOrEmpty(Path.of("/proc/self/maps")))
                .flatMap(MklKernels::vendorAnswer)
                .map(MklKernels::answerIntel)
                .orElse(Outcome.NOT_POSSIBLE);
    }

    /** True for an AMD CPU whose flags include every subset MKL's AVX-512 kernels use. */
    static boolean isAmdWithAvx512(String cpuinfo) {
        boolean amd = false;
        boolean avx512 = false;
        for (String line : cpuinfo.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("vendor_id")) {
                amd = value.equals("AuthenticAMD");
            } else if (key.equals("flags")) {
                avx512 = Set.of(value.split("\\s+")).containsAll(AVX512_CORE);
                break;
            }
        }
        return amd && avx512;
    }

    /** The path of PyTorch's CPU library among the process's mappings ({@code /proc/self/maps}). */
    static Optional<String> loadedLibrary(String maps) {
        return maps.lines()
                .filter(line -> line.endsWith(LIBRARY))
                .map(line -> line.substring(line.indexOf('/')))
                .findFirst();
    }

    /**
     * The address of the variable that keeps MKL's answer, read from the first instruction of
     * {@code mkl_serv_intel_cpu_true}: {@code mov eax, [rip + d]} (8b 05 d) followed by
     * {@code test eax, eax} (85 c0). Empty when the library has no such function, or it starts
     * otherwise.
     */
    private static Optional<Pointer> vendorAnswer(String library) {
        Function check;
        try {
            check = NativeLibrary.getInstance(library).getFunction(VENDOR_CHECK);
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
        byte[] code = check.getByteArray(0, 8);
        return answerOffset(code).map(offset -> new Pointer(Pointer.nativeValue(check) + offset));
    }

    /** The answer's offset from the function's start, decoded from its first 8 bytes. */
    static Optional<Long> answerOffset(byte[] code) {
        boolean loadThenTest = (code[0] & 0xff) == 0x8b && (code[1] & 0xff) == 0x05
                && (code[6] & 0xff) == 0x85 && (code[7] & 0xff) == 0xc0;
        if (!loadThenTest) {
            return Optional.empty();
        }
        int displacement = (code[2] & 0xff) | (code[3] & 0xff) << 8 | (code[4] & 0xff) << 16 | (code[5] & 0xff) << 24;
        return Optional.of(6L + displacement);
    }

    /** Sets the answer while MKL has not yet computed it (negative); once computed it stays. */
    private static Outcome answerIntel(Pointer answer) {
        if (answer.getInt(0) >= 0) {
            return Outcome.NOT_POSSIBLE;
        }
        answer.setInt(0, 1);
        return Outcome.AVX512_ON_AMD;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
