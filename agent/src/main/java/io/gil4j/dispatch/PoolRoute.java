package io.gil4j.dispatch;

import io.gil4j.bootstrap.Offloaded;
import io.gil4j.pool.WorkerPool;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Marked calls on the worker threads of a {@link WorkerPool}: the {@code sequential} lane (one worker) or
 * the interpreters (N workers). A call returning a {@code CompletableFuture} or {@code CompletionStage}
 * returns at once a future that completes when the worker's stage does, like asyncio's
 * {@code run_in_executor}; any other call waits for its outcome. A {@link Handoff} says how the call and
 * its outcome cross to and from the worker.
 */
final class PoolRoute {

    /** How a marked call crosses to a worker. */
    interface Handoff {
        /**
         * Called by the caller: the work a worker runs for {@code call}, returning what the caller gets
         * (for an async method, a stage of it) or throwing what the caller must receive.
         *
         * @throws RuntimeException if the call cannot cross at all (such as a {@code NotShareableException});
         *     the caller receives it as the call's failure
         */
        Callable<Object> work(MarkedCall call);
    }

    /** The worker runs the caller's method on the caller's objects: nothing is copied. */
    static final Handoff SHARED = call -> call::invoke;

    /**
     * What the work returns when the pool gives it back to its caller to run (caller-runs at a full queue):
     * the route then answers null, and the caller runs the method's body itself. Running the work there
     * instead would call the marked method again through its advice, which would offload it again.
     */
    private static final Object RUN_IN_CALLER = new Object();

    private final WorkerPool pool;
    private final Handoff handoff;
    private final String mode;

    /** A route to the workers of {@code pool}, which is named after its mode, as the configuration spells it. */
    PoolRoute(WorkerPool pool, Handoff handoff) {
        this.pool = pool;
        this.handoff = handoff;
        this.mode = pool.name();
    }

    WorkerPool pool() {
        return pool;
    }

    /**
     * Runs {@code call} on a worker: its outcome, or, for an async method, a future of it; null if the pool
     * gave the call back to its caller to run inline.
     */
    Offloaded run(MarkedCall call) {
        if (call.isAsync()) {
            return async(call);
        }
        try {
            Object value = pool.call(onWorkerOnly(handoff.work(call)));
            return value == RUN_IN_CALLER ? null : Offloaded.returned(mode, value);
        } catch (Throwable failure) {
            return Offloaded.threw(mode, failure);
        }
    }

    /** {@code work} when a worker runs it; {@link #RUN_IN_CALLER} when the pool makes the caller run it. */
    private static Callable<Object> onWorkerOnly(Callable<Object> work) {
        Thread caller = Thread.currentThread();
        return () -> Thread.currentThread() == caller ? RUN_IN_CALLER : work.call();
    }

    @SuppressWarnings("FutureReturnValueIgnored") // callbacks registered: they complete done, which the caller gets
    private Offloaded async(MarkedCall call) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        CompletableFuture<Object> submitted;
        try {
            submitted = pool.submit(onWorkerOnly(handoff.work(call)));
        } catch (RuntimeException refused) { // by the handoff or the pool
            done.completeExceptionally(refused);
            return Offloaded.returned(mode, done);
        }
        if (submitted.isDone() && !submitted.isCompletedExceptionally() && submitted.getNow(null) == RUN_IN_CALLER) {
            return null;
        }
        done.whenComplete((value, failure) -> {
            if (done.isCancelled()) {
                submitted.cancel(false); // before the call started, this keeps it from starting
            }
        });
        submitted.whenComplete((stage, failure) -> {
            if (failure != null) {
                done.completeExceptionally(unwrap(failure));
            } else if (stage == null) {
                done.complete(null);
            } else {
                ((CompletionStage<?>) stage).whenComplete((value, later) -> {
                    if (later != null) {
                        done.completeExceptionally(unwrap(later));
                    } else {
                        done.complete(value);
                    }
                });
            }
        });
        return Offloaded.returned(mode, done);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
