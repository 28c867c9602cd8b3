package io.gil4j.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline, never by sleeping for a guessed time.
 *
 * <p>Contract: each {@code await} returns as soon as a poll finds its condition true (the first poll is
 * immediate), and fails the test with an {@link AssertionError} naming what was awaited once the deadline has
 * passed with the condition still false. The deadline is checked only between polls, so a poll must return
 * promptly. A condition on this JVM's own threads ({@link #await(String, Duration, BooleanSupplier)} and its
 * variants) fails with a dump of every thread of this JVM, so a lost wake-up shows as a failure with stacks
 * instead of a hung build; a condition on another process or on the network ({@link #awaitValue}) fails with
 * what was last seen there instead (a child JVM's own threads are {@link ForkedProcess#threadDump() dumped by its
 * launcher}).
 *
 * <p>Every method may be called from any thread; none keeps state between calls. JDK only (its failures are
 * plain {@link AssertionError}s, which JUnit reports as failures): a test application in a child JVM may use
 * it too, with the test-support classes on its class path.
 */
public final class Eventually {

    /** How often {@link #awaitValue(String, Duration, Probe, Supplier)} polls a condition outside this JVM. */
    public static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {}

    /**
     * Returns as soon as {@code condition} holds, polling it and yielding the processor between polls; fails if
     * it does not within {@code timeout}. The caller stays {@code RUNNABLE}, so it keeps an interpreter lock it
     * holds: the lock's waiters take the lock from a holder that parks.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, Thread::yield);
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}, parking {@code pollEvery} between polls instead. */
    public static void await(String what, Duration timeout, Duration pollEvery, BooleanSupplier condition) {
        long pollNanos = pollEvery.toNanos();
        await(what, timeout, condition, () -> LockSupport.parkNanos(pollNanos));
    }

    /**
     * As {@link #await(String, Duration, Duration, BooleanSupplier)}, for a condition outside this JVM: the
     * failure names {@code lastSeen} (asked only at the deadline) instead of dumping this JVM's threads.
     */
    public static void await(
            String what, Duration timeout, Duration pollEvery, BooleanSupplier condition, Supplier<String> lastSeen) {
        long pollNanos = pollEvery.toNanos();
        until(what, timeout, condition, () -> LockSupport.parkNanos(pollNanos), () -> "; " + lastSeen.get());
    }

    /**
     * Returns as soon as {@code condition} holds; fails if it does not within {@code timeout}. Runs {@code
     * betweenPolls} after each poll that found it false; that must return promptly, as the deadline is only
     * checked between polls.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Runnable betweenPolls) {
        until(what, timeout, condition, betweenPolls, () -> "\n" + dumpAllThreads());
    }

    private static void until(
            String what, Duration timeout, BooleanSupplier condition, Runnable betweenPolls, Supplier<String> details) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + details.get());
            }
            betweenPolls.run();
        }
    }

    /** As {@link #awaitValue(String, Duration, Duration, Probe, Supplier)}, polling every {@link #POLL}. */
    public static <T> T awaitValue(String what, Duration timeout, Probe<T> probe, Supplier<String> lastSeen)
            throws IOException, InterruptedException {
        return awaitValue(what, timeout, POLL, probe, lastSeen);
    }

    /**
     * Polls {@code probe} every {@code pollEvery} until it returns a value, for at most {@code timeout}; that
     * value. For conditions outside this JVM (a child process's output, an HTTP endpoint, a file): the failure
     * names {@code what} and {@code lastSeen}, not this JVM's threads.
     *
     * @param lastSeen what was last seen, for the failure message; asked only at the deadline
     * @throws IOException or any exception the probe throws: that ends the wait
     * @throws InterruptedException if the calling thread is interrupted while it waits between polls
     * @throws AssertionError at the deadline
     */
    public static <T> T awaitValue(
            String what, Duration timeout, Duration pollEvery, Probe<T> probe, Supplier<String> lastSeen)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.poll();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "; " + lastSeen.get());
            }
            LockSupport.parkNanos(pollEvery.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what);
            }
        }
    }

    /** One look at a condition outside this JVM: its value once it holds, else empty. An exception ends the wait. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> poll() throws IOException, InterruptedException;
    }

    /**
     * A bounded negative check: polls {@code invariant} for the whole {@code period}, yielding between polls, and
     * fails as soon as it breaks. Only for properties that cannot be observed otherwise; keep the period short.
     */
    @SuppressWarnings("ThreadPriorityCheck") // the yield keeps the polling thread RUNNABLE, which the invariant needs
    public static void holdsThroughout(String what, Duration period, BooleanSupplier invariant) {
        long deadline = System.nanoTime() + period.toNanos();
        do {
            if (!invariant.getAsBoolean()) {
                throw new AssertionError("broken within " + period + ": " + what);
            }
            Thread.yield(); // RUNNABLE: a holder keeps its lock
        } while (System.nanoTime() - deadline < 0);
    }

    /** Every live thread of this JVM with its stack and the lock it waits on, for a failure message. */
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
