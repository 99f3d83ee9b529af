package org.flowfield.engine;

import com.sun.jna.Function;

/**
 * Keeps glibc's allocator from handing tensor memory back to the kernel between operations.
 *
 * <p>Every operation of a step allocates its result, and a pack's activations are hundreds of
 * kilobytes to a few megabytes each: by default glibc serves such blocks with a fresh mapping
 * (or trims the freed top of its heap) and the next operation page-faults the memory in again,
 * zeroed by the kernel. Raising the mapping threshold to its ceiling and the trim threshold above
 * it lets freed blocks be reused at once. Elsewhere than glibc (no {@code mallopt}) nothing changes.
 */
final class NativeHeap {

    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mapping threshold glibc accepts on 64-bit (half its 64 MiB arena heaps). */
    private static final int MAPPING_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 256 << 20;

    private NativeHeap() {}

    /** Sets the thresholds once per process; true when glibc took them. */
    static boolean keepFreedMemory() {
        Function mallopt;
        try {
            mallopt = Function.getFunction("c", "mallopt");
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
        return mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MAPPING_THRESHOLD}) == 1
                & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
    }
}
