package io.gil4j.offload;

/**
 * The stack a marked call had on the worker that ran it, kept with the exception the caller receives —
 * the counterpart of the {@code _RemoteTraceback} that Python's {@code concurrent.futures} chains to an
 * exception raised in a worker.
 *
 * <p>The caller receives the worker's own exception object (or, from a worker process, its deserialized
 * copy): same type, same message, same fields. {@link #attach} gives it the caller's stack, so it reads as
 * if the call had run inline, and keeps the worker's stack in a {@code WorkerStackTrace}: as its cause if it
 * had none, otherwise as a suppressed exception.
 */
public final class WorkerStackTrace extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private WorkerStackTrace(String worker, StackTraceElement[] stack) {
        super("stack of the marked call on " + worker, null, false, true);
        setStackTrace(stack);
    }

    /**
     * Rewrites {@code failure}, thrown by a marked call on {@code worker}, to be thrown in the caller: its
     * stack becomes the caller's ({@code callerStack}), and the stack it had on the worker is kept as
     * described above. An exception whose stack is not writable is left as it is.
     *
     * @param failure what the worker's call threw
     * @param worker the worker's name, for the message (a thread name, a process id)
     * @param callerStack the caller's stack at the call, from {@code new Throwable().getStackTrace()}
     * @return {@code failure}, for {@code throw WorkerStackTrace.attach(...)}
     */
    public static Throwable attach(Throwable failure, String worker, StackTraceElement[] callerStack) {
        StackTraceElement[] workerStack = failure.getStackTrace();
        if (workerStack.length == 0) {
            return failure; // not writable, or already stripped: nothing to keep or to replace
        }
        WorkerStackTrace kept = new WorkerStackTrace(worker, workerStack);
        if (failure.getCause() != null || !canInitCause(failure, kept)) {
            failure.addSuppressed(kept);
        }
        failure.setStackTrace(callerStack);
        return failure;
    }

    private static boolean canInitCause(Throwable failure, Throwable cause) {
        try {
            failure.initCause(cause);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false; // the cause was set explicitly, possibly to null
        }
    }
}
