package io.gil4j.process;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Test support: bounded waits. A condition is polled until a deadline, never slept on for a guessed time;
 * work in the background is waited for with a timeout. Either failing fails the test with a thread dump.
 */
final class Await {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {}

    /** Returns as soon as {@code condition} holds; fails if it does not within {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + threadDump());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Starts {@code body} on a daemon thread of its own. */
    static <T> FutureTask<T> inBackground(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The value of {@code task}; fails if it threw or did not finish within {@code timeout}. */
    static <T> T result(FutureTask<T> task, Duration timeout) throws InterruptedException {
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not finished within " + timeout + "\n" + threadDump(), e);
        } catch (ExecutionException e) {
            throw new AssertionError("failed", e.getCause());
        }
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder("thread dump:\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }
}
