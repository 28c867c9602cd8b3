package io.gil4j.pool;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The races of a pooled call's life ({@link PooledCall}) and of its queue's admission ({@link CallQueue}),
 * which the pool's design comment promises to be safe: of start, cancel and reject exactly one wins; the
 * outcome a worker stores is seen by whoever sees {@code DONE}; a call offered while the queue closes is
 * either refused or drained, never accepted and lost. In this package because both classes are package
 * private.
 */
public final class PooledCallStress {

    private PooledCallStress() {}

    @SuppressWarnings("StaticAssignmentOfThrowable") // the reason a rejection carries; the test never throws it
    private static final RejectedExecutionException SHUTDOWN = new RejectedExecutionException("stress");

    private static PooledCall call() {
        return PooledCall.completing(() -> "value", new CompletableFuture<>());
    }

    /**
     * Two of the three ways out of {@code QUEUED} race (jcstress runs no more actors than the machine has
     * CPUs, so three at once would never run on two cores); the arbiter then tries the third, which must
     * lose, and reads the state. Results: the first actor's win, the second's, the third's, the state.
     */
    abstract static class TwoWaysOut {
        final PooledCall call = call();

        int start() {
            return call.start() ? 1 : 0;
        }

        int cancel() {
            return call.cancel() ? 1 : 0;
        }

        int reject() {
            return call.reject(SHUTDOWN) ? 1 : 0;
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "the worker started it: RUNNING")
    @Outcome(id = "0, 1, 0, 3", expect = ACCEPTABLE, desc = "its caller cancelled it: CANCELLED")
    @Outcome(expect = FORBIDDEN, desc = "both or neither won, or the state disagrees with the winner")
    @State
    public static class StartVersusCancel extends TwoWaysOut {
        @Actor
        public void worker(IIII_Result r) {
            r.r1 = start();
        }

        @Actor
        public void caller(IIII_Result r) {
            r.r2 = cancel();
        }

        @Arbiter
        public void shutdownThenState(IIII_Result r) {
            r.r3 = reject();
            r.r4 = call.state();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "the worker started it: RUNNING")
    @Outcome(id = "0, 1, 0, 4", expect = ACCEPTABLE, desc = "shutdown rejected it: REJECTED")
    @Outcome(expect = FORBIDDEN, desc = "both or neither won, or the state disagrees with the winner")
    @State
    public static class StartVersusReject extends TwoWaysOut {
        @Actor
        public void worker(IIII_Result r) {
            r.r1 = start();
        }

        @Actor
        public void shutdown(IIII_Result r) {
            r.r2 = reject();
        }

        @Arbiter
        public void callerThenState(IIII_Result r) {
            r.r3 = cancel();
            r.r4 = call.state();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0, 0, 3", expect = ACCEPTABLE, desc = "its caller cancelled it: CANCELLED")
    @Outcome(id = "0, 1, 0, 4", expect = ACCEPTABLE, desc = "shutdown rejected it: REJECTED")
    @Outcome(expect = FORBIDDEN, desc = "both or neither won, or the state disagrees with the winner")
    @State
    public static class CancelVersusReject extends TwoWaysOut {
        @Actor
        public void caller(IIII_Result r) {
            r.r1 = cancel();
        }

        @Actor
        public void shutdown(IIII_Result r) {
            r.r2 = reject();
        }

        @Arbiter
        public void workerThenState(IIII_Result r) {
            r.r3 = start();
            r.r4 = call.state();
        }
    }

    @JCStressTest
    @Outcome(id = "0, -1", expect = ACCEPTABLE, desc = "not done yet: QUEUED")
    @Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "not done yet: RUNNING")
    @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "DONE, with the worker's value, failure and name")
    @Outcome(id = "2, 0", expect = FORBIDDEN, desc = "DONE seen, but not the outcome stored before it")
    @State
    public static class DonePublishesTheOutcome {
        private final PooledCall call = call();
        private final Object value = new Object();
        private final Throwable failure = new IllegalStateException("stress");

        @Actor
        public void worker() {
            if (call.start()) {
                call.finish("worker", value, failure);
            }
        }

        @Actor
        public void waiter(II_Result r) {
            int state = call.state();
            r.r1 = state;
            r.r2 = state != PooledCall.DONE
                    ? -1
                    : call.value() == value && call.failure() == failure && "worker".equals(call.worker()) ? 1 : 0;
        }
    }

    /**
     * One call and the queue it is offered to. Results, in the tests that extend this: accepted (1), found
     * in a drain (1), left in the queue after that drain.
     */
    abstract static class OneCallQueue {
        final CallQueue queue = new CallQueue(4);
        final PooledCall call = call();

        int offer() {
            return accepted(queue.offer(call));
        }

        /** As {@link #offer()}, or -1 if interrupted while waiting for room (the queue is never full here). */
        int put() {
            try {
                return accepted(queue.put(call));
            } catch (InterruptedException e) {
                return -1;
            }
        }

        int drained() {
            return queue.drain().contains(call) ? 1 : 0;
        }

        int left() {
            return queue.depth();
        }

        private static int accepted(CallQueue.Admission admission) {
            return admission == CallQueue.Admission.ACCEPTED ? 1 : 0;
        }
    }

    /** An offer racing the close alone; the arbiter drains the closed queue afterwards. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "accepted before the close, then drained")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "refused: the queue was closed")
    @Outcome(id = "1, 0, .*", expect = FORBIDDEN, desc = "accepted and lost")
    @Outcome(id = "0, 1, .*", expect = FORBIDDEN, desc = "refused, yet queued")
    @Outcome(expect = FORBIDDEN, desc = "a call admitted to a closed queue stays in it after the drain")
    @State
    public static class OfferWhileClosing extends OneCallQueue {
        @Actor
        public void submitter(III_Result r) {
            r.r1 = offer();
        }

        @Actor
        public void shutdown() {
            queue.close();
        }

        @Arbiter
        public void drainAfterwards(III_Result r) {
            r.r2 = drained();
            r.r3 = left();
        }
    }

    /**
     * Admission racing {@link WorkerPool#shutdown}, which closes the queue and then drains it: a call the
     * queue accepted must be in that drain (accepted before the close) — one accepted after it would stay
     * queued for good, with no worker left to take it and nobody to reject it. One test per way in (offer,
     * put); each declares its own actors, as jcstress reads them from the test class alone, and inherits the
     * outcomes below ({@code @Outcome} is {@code @Inherited}).
     */
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "accepted before the close, and drained by shutdown")
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "refused: the queue was closed")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN, desc = "accepted after the close: stranded in the queue")
    @Outcome(expect = FORBIDDEN, desc = "other")
    abstract static class AdmitWhileShuttingDown extends OneCallQueue {
        /** What {@link WorkerPool#shutdown} does to the queue: close, then drain. */
        void closeAndDrain(III_Result r) {
            queue.close();
            r.r2 = drained();
        }
    }

    @JCStressTest
    @State
    public static class OfferWhileShuttingDown extends AdmitWhileShuttingDown {
        @Actor
        public void submitter(III_Result r) {
            r.r1 = offer();
        }

        @Actor
        public void shutdown(III_Result r) {
            closeAndDrain(r);
        }

        @Arbiter
        public void leftQueued(III_Result r) {
            r.r3 = left();
        }
    }

    @JCStressTest
    @State
    public static class PutWhileShuttingDown extends AdmitWhileShuttingDown {
        @Actor
        public void submitter(III_Result r) {
            r.r1 = put();
        }

        @Actor
        public void shutdown(III_Result r) {
            closeAndDrain(r);
        }

        @Arbiter
        public void leftQueued(III_Result r) {
            r.r3 = left();
        }
    }
}
