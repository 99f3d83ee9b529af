package org.flowfield.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MklKernelsTest {

    private static final String ZEN5 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 26
            flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16
            """;
    private static final String ZEN3 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 25
            flags\t\t: fpu sse2 avx avx2 fma
            """;
    private static final String XEON = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl
            """;

    @Test
    void onlyAnAmdCpuWithEveryAvx512SubsetOfMklsKernelsQualifies() {
        assertThat(MklKernels.isAmdWithAvx512(ZEN5)).isTrue();
        assertThat(MklKernels.isAmdWithAvx512(ZEN3)).isFalse();
        assertThat(MklKernels.isAmdWithAvx512(XEON)).isFalse();
        assertThat(MklKernels.isAmdWithAvx512(ZEN5.replace(" avx512vl", ""))).isFalse();
        assertThat(MklKernels.isAmdWithAvx512("")).isFalse();
    }

    @Test
    void findsPyTorchsCpuLibraryAmongTheMappings() {
        String maps = """
                7f1c2a000000-7f1c2a200000 r--p 00000000 fd:01 123 /usr/lib/x86_64-linux-gnu/libc.so.6
                7f1c30000000-7f1c3a000000 r-xp 00000000 fd:01 456 /root/.djl.ai/pytorch/2.5.1-cpu/libtorch_cpu.so
                7f1c3b000000-7f1c3b100000 rw-p 00000000 00:00 0
                """;
        assertThat(MklKernels.loadedLibrary(maps)).contains("/root/.djl.ai/pytorch/2.5.1-cpu/libtorch_cpu.so");
        assertThat(MklKernels.loadedLibrary("7f1c3b000000-7f1c3b100000 rw-p 00000000 00:00 0\n")).isEmpty();
    }

    @Test
    void decodesTheAnswersAddressFromTheRipRelativeLoadThatStartsTheVendorCheck() {
        // mov eax, [rip + 0x098d2afa]; test eax, eax: the answer lies 6 + 0x098d2afa bytes after the function's start
        byte[] code = {(byte) 0x8b, 0x05, (byte) 0xfa, 0x2a, (byte) 0x8d, 0x09, (byte) 0x85, (byte) 0xc0};
        assertThat(MklKernels.answerOffset(code)).contains(6L + 0x098d2afaL);
        // a negative displacement: the answer lies before the function
        byte[] backwards = {(byte) 0x8b, 0x05, (byte) 0xf0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x85, (byte) 0xc0};
        assertThat(MklKernels.answerOffset(backwards)).contains(6L - 16);
        // push rbx; ...: another build, left alone
        byte[] other = {0x53, 0x48, (byte) 0x83, (byte) 0xec, 0x20, 0x0f, (byte) 0xa2, (byte) 0x90};
        assertThat(MklKernels.answerOffset(other)).isEmpty();
    }

    @Test
    void mklRunsItsAvx512KernelsOnAnAmdCpuThatHasThemAndStillComputesTheProductToFloatRounding() throws Exception {
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        boolean intel = cpuinfo.contains("GenuineIntel");
        Map<String, String> on = answerInAFreshProcess(true);
        assertThat(on.get("answer")).as("MKL's answer with the switch on, on this CPU")
                .isEqualTo(intel || MklKernels.isAmdWithAvx512(cpuinfo) ? "1" : "0");
        assertThat(Double.parseDouble(on.get("relativeError"))).isLessThan(1e-5);

        Map<String, String> off = answerInAFreshProcess(false);
        assertThat(off.get("answer")).as("MKL's own answer").isEqualTo(intel ? "1" : "0");
        assertThat(Double.parseDouble(off.get("relativeError"))).isLessThan(1e-5);
    }

    private static Map<String, String> answerInAFreshProcess(boolean switchOn) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-D" + MklKernels.SWITCH + "=" + switchOn,
                "-cp", System.getProperty("java.class.path"), MklVendorAnswer.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("answer=") || line.startsWith("relativeError="))
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
