package io.gil4j.gil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog's verdict on a holder that has reached no check point for two ticks while others wait: is it
 * blocked where the instrumentation cannot see (the lock should be handed on), or working where it cannot
 * see, or only waiting for a CPU (it should keep the lock)?
 *
 * <p>A holder the JVM reports {@code BLOCKED}, {@code WAITING} or {@code TIMED_WAITING} is blocked out of
 * sight: it waits on a monitor, a park or a class initialiser that the instrumentation did not wrap. A
 * {@code RUNNABLE} holder that used CPU time since the stall began is working in uninstrumented code (a
 * library outside the selection, the JDK): it keeps the lock, as a CPython thread running a C extension
 * keeps the GIL until the extension returns or releases it, so a library call runs under its caller's hold
 * and two threads never compute side by side. A {@code RUNNABLE} holder that used no CPU time is ambiguous:
 * it may be blocked in native I/O or a class initialiser the JVM reports as runnable, or descheduled by the
 * operating system on a busy machine, in the middle of its critical section. Revoking the latter would let a
 * waiter in beside it, which CPython never does, so it is given {@link #PATIENCE_NANOS} of using no CPU
 * first: longer than a busy scheduler keeps a runnable thread from a CPU, short enough that a holder truly
 * stuck there is handed on in a tenth of a second.
 *
 * <p>Created by the watchdog thread when a stall begins and asked only by it; the thread-state and CPU-time
 * reads cost microseconds and happen only for a lock that is contended and stalled.
 */
final class StalledHolder {

    /** How long a runnable holder that uses no CPU keeps the lock. */
    static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** CPU time that proves a holder works rather than waits: well above clock granularity. */
    static final long MIN_CPU_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread holder;
    private long sinceNanos;
    private long cpuAtStart;

    /** A stall of {@code holder} (null if the lock was free at the read) beginning at {@code sinceNanos}. */
    StalledHolder(Thread holder, long sinceNanos) {
        this.holder = holder;
        this.sinceNanos = sinceNanos;
        this.cpuAtStart = cpuNanos(holder);
    }

    /** True if the holder should lose the lock at {@code nowNanos}; see the class comment. */
    boolean isOutOfSight(long nowNanos) {
        if (holder == null) {
            return true; // the lock changed hands under the read: revoke() re-checks under the mutex
        }
        Thread.State state = holder.getState();
        if (state != Thread.State.RUNNABLE) {
            return true;
        }
        long cpu = cpuNanos(holder);
        if (cpu >= 0 && cpuAtStart >= 0 && cpu - cpuAtStart >= MIN_CPU_NANOS) {
            sinceNanos = nowNanos; // working: the patience counts from its last use of a CPU
            cpuAtStart = cpu;
            return false;
        }
        return nowNanos - sinceNanos >= PATIENCE_NANOS;
    }

    /** The thread's CPU time, or -1 where the JVM does not measure it. */
    private static long cpuNanos(Thread thread) {
        if (thread == null || !THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        return THREADS.getThreadCpuTime(thread.getId());
    }
}
