package io.gil4j.bootstrap;

/**
 * A thread that runs marked calls for one of the agent's pools: an interpreter of the
 * {@code interpreters} mode or the lane of the {@code sequential} mode. It runs under its own
 * interpreter's lock, never the main one, so {@link Hooks} lets it pass every check point; and a marked
 * method it calls runs inline (no nested offload, so no pool waits on itself).
 */
public final class WorkerThread extends Thread {

    /**
     * A worker running {@code body}, called {@code name}; a daemon, so it never keeps the JVM alive. Not started.
     *
     * @param body what the thread runs
     * @param name the thread's name
     */
    public WorkerThread(Runnable body, String name) {
        super(body, name);
        setDaemon(true);
    }
}
