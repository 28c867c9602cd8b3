package io.gil4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Test support: waits for a condition by polling it until a deadline, never by sleeping for a guessed
 * time. A condition still false at the deadline fails the test with a dump of every thread, so a lost
 * wake-up shows as a failure with stacks instead of a hung build.
 */
public final class Eventually {

    private Eventually() {}

    /**
     * Returns as soon as {@code condition} holds, polling it and yielding the processor between polls; fails if
     * it does not within {@code timeout}. The caller stays {@code RUNNABLE}, so it keeps an interpreter lock it
     * holds: the lock's waiters take the lock from a holder that parks.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, Thread::yield);
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, polling every {@code pollEvery} instead. */
    public static void await(String what, Duration timeout, Duration pollEvery, BooleanSupplier condition) {
        long pollNanos = pollEvery.toNanos();
        await(what, timeout, condition, () -> LockSupport.parkNanos(pollNanos));
    }

    /**
     * Returns as soon as {@code condition} holds; fails if it does not within {@code timeout}. Runs {@code
     * betweenPolls} after each poll that found it false; that must return promptly, as the deadline is only
     * checked between polls.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Runnable betweenPolls) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + timeout + ": " + what + "\n" + dumpAllThreads());
            }
            betweenPolls.run();
        }
    }

    /**
     * A bounded negative check: polls {@code invariant} for the whole {@code period}, yielding between polls, and
     * fails as soon as it breaks. Only for properties that cannot be observed otherwise; keep the period short.
     */
    public static void holdsThroughout(String what, Duration period, BooleanSupplier invariant) {
        long deadline = System.nanoTime() + period.toNanos();
        do {
            if (!invariant.getAsBoolean()) {
                fail("broken within " + period + ": " + what);
            }
            Thread.yield(); // RUNNABLE: a holder keeps its lock
        } while (System.nanoTime() - deadline < 0);
    }

    /** Every live thread with its stack and the lock it waits on, for a failure message. */
    public static String dumpAllThreads() {
        StringBuilder dump = new StringBuilder("thread dump:\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }
}
