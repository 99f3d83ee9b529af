package org.flowfield.engine;

import com.sun.jna.Function;

/**
 * Lowers the calling thread's scheduling priority, for work that should take the cores only
 * when training does not need them (figures of finished runs). Linux schedules threads by their
 * nice value; a thread may raise its own (lower its priority) without privileges, and it stays
 * raised for the thread's life, so only threads made for such work call this. Elsewhere, or
 * without glibc's {@code gettid}, nothing changes.
 */
public final class BackgroundPriority {

    /**
     * nice 10: a CPU-bound thread at nice 0 gets about nine times the share of one at nice 10
     * (the kernel's weights 1024 and 110), so two figure evaluators leave a pack's trainer most of
     * a core, and take whole cores once the trainers are idle.
     */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {}

    /**
     * Lowers the calling thread's priority to nice {@value #NICE}, or leaves it where it is lower
     * already; true when the thread now runs at nice {@value #NICE} or lower priority.
     */
    public static boolean lowerCurrentThread() {
        try {
            int thread = Function.getFunction("c", "gettid").invokeInt(new Object[0]);
            if (Function.getFunction("c", "getpriority").invokeInt(new Object[] {PRIO_PROCESS, thread}) >= NICE) {
                return true;
            }
            return Function.getFunction("c", "setpriority").invokeInt(new Object[] {PRIO_PROCESS, thread, NICE}) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
