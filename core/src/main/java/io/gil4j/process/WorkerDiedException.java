package io.gil4j.process;

/**
 * A call that cannot complete because its worker process ended or its connection broke: killed, crashed,
 * exited, stopped by the pool's shutdown, or never connected at start-up — the counterpart of Python's
 * {@code BrokenProcessPool}. The call may or may not have run on the worker.
 */
public final class WorkerDiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long pid;

    WorkerDiedException(long pid, String message, Throwable cause) {
        super(message, cause);
        this.pid = pid;
    }

    /** The process id of the worker that ended. */
    public long pid() {
        return pid;
    }
}
