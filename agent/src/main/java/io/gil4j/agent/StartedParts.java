package io.gil4j.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a started agent that detaching must stop — threads, servers, the transformation — gathered
 * as they start, and the exit hooks detaching must remove. Some parts finish starting on threads of their
 * own, possibly after a detach: those are stopped as soon as they are handed over. Thread-safe.
 */
final class StartedParts {

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<Thread> exitHooks = new ArrayList<>();
    private boolean stopped;

    /** Adds a part to stop, last added first; if the agent is already stopped, stops it now. */
    void add(AutoCloseable part) {
        synchronized (this) {
            if (!stopped) {
                parts.add(part);
                return;
            }
        }
        close(part);
    }

    /**
     * Runs {@code task} at JVM exit on a thread called {@code name}, unless the agent is detached first. A
     * part that finishes starting while the JVM already exits (a short program) runs {@code task} at once.
     */
    synchronized void onExit(Runnable task, String name) {
        if (stopped) {
            return;
        }
        Thread hook = new Thread(task, name);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            task.run();
            return;
        }
        exitHooks.add(hook);
    }

    /** Removes the exit hooks and stops every part, last added first. Never throws; later calls do nothing. */
    void stop() {
        List<AutoCloseable> toStop;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            for (Thread hook : exitHooks) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException exiting) {
                    // the JVM is exiting: its hooks run anyway
                }
            }
            exitHooks.clear();
            toStop = new ArrayList<>(parts);
            parts.clear();
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            close(toStop.get(i));
        }
    }

    private static void close(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception | LinkageError e) {
            // stopping anyway: the other parts still stop
        }
    }
}
