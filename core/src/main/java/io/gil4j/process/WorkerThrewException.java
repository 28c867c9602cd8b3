package io.gil4j.process;

/**
 * Stands in for an exception thrown by a call on a worker that could not be sent back as itself (its type is
 * not serializable or not on the allow-list). Its message names the original type and carries the original
 * message; its stack is the caller's, and the worker's stack is kept as by {@link
 * io.gil4j.offload.WorkerStackTrace}.
 */
public final class WorkerThrewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    WorkerThrewException(String originalType, String originalMessage, String worker, String whyNotSent) {
        super(originalType + (originalMessage == null ? "" : ": " + originalMessage) + " (thrown on " + worker
                + "; it could not be sent back as itself: " + whyNotSent + ")");
        this.originalType = originalType;
    }

    /** The binary name of the exception type the call threw on the worker. */
    public String originalType() {
        return originalType;
    }
}
