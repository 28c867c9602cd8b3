package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.fail;

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
 * Test support: a value computed on a daemon thread of its own and waited for with a timeout, and waits
 * for a condition by polling it until a deadline. Anything still unfinished at its deadline fails the test
 * with a dump of every thread, so a lost wake-up shows as stacks instead of a hung build. (The pool's own
 * copy of {@code io.gil4j.gil}'s {@code Forked} and {@code Eventually}, which are package-private there.)
 */
final class Background<T> {

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final FutureTask<T> task;
    private final Thread thread;

    /** What the thread computes; it may throw anything, as {@link WorkerPool#call} may. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Throwable;
    }

    private Background(String name, Body<T> body) {
        this.task = new FutureTask<>(callable(body));
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new daemon thread called {@code name}. */
    static <T> Background<T> start(String name, Body<T> body) {
        Background<T> background = new Background<>(name, body);
        background.thread.start();
        return background;
    }

    private static <T> Callable<T> callable(Body<T> body) {
        return () -> {
            try {
                return body.run();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        };
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return task.isDone();
    }

    /** The value; fails the test if the body threw, or did not finish within {@code timeout}. */
    T get(Duration timeout) {
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail(thread.getName() + " did not finish within " + timeout + "\n" + dumpAllThreads());
        } catch (ExecutionException e) {
            throw new AssertionError(thread.getName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }

    /** Returns as soon as {@code condition} holds; fails if it does not within {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + timeout + ": " + what + "\n" + dumpAllThreads());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Every live thread with its stack and the lock it waits on. */
    static String dumpAllThreads() {
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
