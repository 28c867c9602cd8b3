package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test support: one thread of its own computing a value, waited for with a timeout. (Not the common pool:
 * on a two-core machine it has one thread, and two tasks that wait for each other would deadlock.)
 */
final class Forked<T> {

    private final FutureTask<T> task;
    private final Thread thread;

    private Forked(String name, Callable<T> body) {
        this.task = new FutureTask<>(body);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new daemon thread called {@code name}. */
    static <T> Forked<T> start(String name, Callable<T> body) {
        Forked<T> forked = new Forked<>(name, body);
        forked.thread.start();
        return forked;
    }

    /**
     * Starts a thread that takes {@code lock}, releases it at once (at frame exit) and returns how long it
     * waited for it, in nanoseconds; the thread fails if the lock was disabled.
     */
    static Forked<Long> takeAndRelease(String name, InterpreterLock lock) {
        return start(name, () -> {
            long start = System.nanoTime();
            if (!lock.acquire()) {
                throw new AssertionError(name + " found the lock disabled");
            }
            long waited = System.nanoTime() - start;
            lock.release(SwitchReason.EXIT);
            return waited;
        });
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
            return fail(thread.getName() + " did not finish within " + timeout + "\n" + Eventually.dumpAllThreads());
        } catch (ExecutionException e) {
            throw new AssertionError(thread.getName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
