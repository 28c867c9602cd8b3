package io.gil4j.gil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog's verdict on a holder that has reached no check point for two ticks while others wait: is it
 * blocked or running where the instrumentation cannot see (the lock should be handed on), or only waiting
 * for a CPU (it should keep the lock)?
 *
 * <p>A holder the JVM reports {@code BLOCKED}, {@code WAITING} or {@code TIMED_WAITING} is out of sight: it
 * waits on a monitor, a park or a class initialiser that the instrumentation did not wrap. So is a holder
 * that used CPU time since the stall began: it runs native or uninstrumented code, since instrumented code
 * would have reached a check point. A {@code RUNNABLE} holder that used no CPU time is ambiguous: it may be
 * blocked in native I/O or a class initialiser the JVM reports as runnable, or descheduled by the operating
 * system on a busy machine, in the middle of its critical section. Revoking the latter would let a waiter
 * in beside it, which CPython never does, so it is given {@link #PATIENCE_NANOS} first: longer than a busy
 * scheduler keeps a runnable thread from a CPU, short enough that a holder truly stuck there is handed on
 * in a tenth of a second.
 *
 * <p>Created by the watchdog thread when a stall begins and asked only by it; the thread-state and CPU-time
 * reads cost microseconds and happen only for a lock that is contended and stalled.
 */
final class StalledHolder {

    /** How long a runnable holder that uses no CPU keeps the lock. */
    static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** CPU time that proves a holder runs out of sight rather than waits: well above clock granularity. */
    static final long MIN_CPU_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread holder;
    private final long sinceNanos;
    private final long cpuAtStart;

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
            return true;
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
