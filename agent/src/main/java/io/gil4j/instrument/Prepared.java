package io.gil4j.instrument;

import io.gil4j.log.AgentLog;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value that takes a while to build — Byte Buddy's transformer loads about a thousand classes — built once
 * on a daemon thread of its own, started at once, so that the agent's start does not wait for it and the
 * application's start overlaps it. In {@code native} with nothing marked no class ever needs it, and no thread
 * of the application waits for it at all.
 *
 * @param <T> what is built
 */
final class Prepared<T> {

    private final FutureTask<T> build;
    private boolean warned; // guarded by this

    /** Starts building on a daemon thread named {@code threadName}. */
    Prepared(String threadName, Callable<T> builder) {
        this.build = new FutureTask<>(builder);
        Thread thread = new Thread(build, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The value, once built: waits for it, through interrupts (the caller's interrupt status is kept), and
     * returns null if the build failed (said once in the log, by the first caller to see it).
     */
    T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return build.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    warnOnce(e.getCause());
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void warnOnce(Throwable cause) {
        if (!warned) {
            warned = true;
            AgentLog.warn("could not prepare the instrumentation, classes run as written: " + cause);
        }
    }
}
