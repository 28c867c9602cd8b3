package io.gil4j.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test support: a value computed on a daemon thread of its own and waited for with a timeout. (Not the
 * common pool: on a two-core machine it has one thread, and two tasks that wait for each other would
 * deadlock.)
 */
public final class Forked<T> {

    private final FutureTask<T> task;
    private final Thread thread;

    /** What the thread computes; it may throw anything, as the code under test may. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Throwable;
    }

    private Forked(String name, Body<T> body) {
        this.task = new FutureTask<>(callable(body));
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new daemon thread called {@code name}. */
    public static <T> Forked<T> start(String name, Body<T> body) {
        Forked<T> forked = new Forked<>(name, body);
        forked.thread.start();
        return forked;
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

    /** The thread computing the value, to interrupt it or look at its state. */
    public Thread thread() {
        return thread;
    }

    /** Whether the body has returned or thrown. */
    public boolean isDone() {
        return task.isDone();
    }

    /** The value; fails the test if the body threw, or did not finish within {@code timeout}. */
    public T get(Duration timeout) {
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    thread.getName() + " did not finish within " + timeout + "\n" + Eventually.dumpAllThreads());
        } catch (ExecutionException e) {
            throw new AssertionError(thread.getName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
