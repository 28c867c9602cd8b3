package io.gil4j.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * A {@link WorkerPool}'s admission is linearizable against {@link Spec}: submissions, a shutdown and the
 * queue depth that {@link WorkerPool#stats()} reports, in any interleaving of two threads, as if one at a
 * time. The pool's workers never take a call (the thread factory makes threads that end at once), so what
 * a submission meets — room, a full queue, a shut-down pool — depends on the other operations alone. One
 * subclass per policy that answers a full queue at once; {@link QueuePolicy#BLOCK} waits, which Lincheck
 * would report as a deadlock. Stress only: the pool starts threads, which model checking does not follow.
 * The tests: {@link RejectAdmissionLincheckTest}, {@link CallerRunsAdmissionLincheckTest}; each is only its
 * policy, named twice, since Lincheck builds the test and its model by their no-argument constructors.
 */
public abstract class PoolAdmissionLincheck {

    static final int CAPACITY = 2;
    static final String INLINE = "ran in its caller";
    private static final String SHUTDOWN_AND_DEPTH = "shutdown and depth";

    /** Worker threads that end at once: the pool starts them, and no call is ever taken. */
    private static final ThreadFactory IDLE_WORKERS = work -> new Thread(() -> {}, "idle-worker");

    private final WorkerPool pool;
    private final Class<? extends Spec> spec;

    /** A pool under {@code policy}, checked against {@code spec}: {@link Spec} under the same policy. */
    PoolAdmissionLincheck(QueuePolicy policy, Class<? extends Spec> spec) {
        pool = new WorkerPool("lincheck", 1, CAPACITY, policy, IDLE_WORKERS);
        this.spec = spec;
    }

    @Test
    void is_linearizable_under_stress() {
        LincheckRuns.checkUnderStress(getClass(), spec);
    }

    /** What became of one submission, as {@link Spec#submit()} answers. */
    @Operation
    public String submit() {
        CompletableFuture<Object> future;
        try {
            future = pool.submit(() -> INLINE);
        } catch (RejectedExecutionException e) {
            return e.getMessage().contains("queue is full") ? "rejected: full" : "rejected: shut down";
        }
        // Completed normally only if run inline; a queued call's future stays pending, or fails at shutdown.
        return future.isDone() && !future.isCompletedExceptionally() ? INLINE : "accepted";
    }

    /**
     * In one non-parallel group with {@link #queued()}: a shutdown closes the queue first and rejects what is
     * queued after, so a depth read between the two still counts calls that the shutdown is about to reject.
     * The gauge is a snapshot, not part of admission; the thorough run found that history (a call accepted,
     * then a shutdown beside a rejected submit and a depth of 1), which the spec's one-step shutdown forbids.
     */
    @Operation(nonParallelGroup = SHUTDOWN_AND_DEPTH)
    public void shutdown() {
        pool.shutdown(Duration.ZERO);
    }

    @Operation(nonParallelGroup = SHUTDOWN_AND_DEPTH)
    public int queued() {
        return pool.stats().queued();
    }

    /** The sequential model: a count of queued calls, at most {@link #CAPACITY}, and a shut-down flag. */
    abstract static class Spec {
        private final QueuePolicy policy;
        private int queued;
        private boolean shutDown;

        Spec(QueuePolicy policy) {
            this.policy = policy;
        }

        public String submit() {
            if (shutDown) {
                return "rejected: shut down";
            }
            if (queued == CAPACITY) {
                return policy == QueuePolicy.CALLER_RUNS ? INLINE : "rejected: full";
            }
            queued++;
            return "accepted";
        }

        /** Closes the queue, and rejects what is queued: no worker takes it. */
        public void shutdown() {
            shutDown = true;
            queued = 0;
        }

        public int queued() {
            return queued;
        }
    }
}
