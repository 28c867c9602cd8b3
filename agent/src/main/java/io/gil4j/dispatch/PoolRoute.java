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

    private final WorkerPool pool;
    private final Handoff handoff;

    PoolRoute(WorkerPool pool, Handoff handoff) {
        this.pool = pool;
        this.handoff = handoff;
    }

    WorkerPool pool() {
        return pool;
    }

    /** Runs {@code call} on a worker: its outcome, or, for an async method, a future of it. */
    Offloaded run(MarkedCall call) {
        if (call.isAsync()) {
            return Offloaded.returned(async(call));
        }
        try {
            return Offloaded.returned(pool.call(handoff.work(call)));
        } catch (Throwable failure) {
            return Offloaded.threw(failure);
        }
    }

    private CompletableFuture<Object> async(MarkedCall call) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        CompletableFuture<Object> submitted;
        try {
            submitted = pool.submit(handoff.work(call));
        } catch (RuntimeException refused) { // by the handoff or the pool
            done.completeExceptionally(refused);
            return done;
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
        return done;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
