package io.gil4j.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * {@link CallQueue} is linearizable against a bounded FIFO with a closed flag ({@link Spec}): offers,
 * removals, closes, drains and the lock-free {@link CallQueue#depth()} in any interleaving of two threads
 * behave as if run one at a time in some order that respects each thread's. Model checking explores the
 * interleavings (the queue's {@code ReentrantLock} included); stress runs them on real threads. Not the
 * waiting operations ({@code put} on a full queue, {@code take} on an empty one): the jcstress tests
 * {@code PutWhileShuttingDown} and the pool's unit tests cover those.
 */
@Param(name = "call", gen = IntGen.class, conf = "0:2")
public class CallQueueLincheckTest {

    static final int CAPACITY = 2;

    private final CallQueue queue = new CallQueue(CAPACITY);
    private final List<PooledCall> calls = new ArrayList<>();

    public CallQueueLincheckTest() {
        for (int i = 0; i <= 2; i++) {
            calls.add(PooledCall.completing(() -> null, new CompletableFuture<>()));
        }
    }

    @Operation
    public CallQueue.Admission offer(@Param(name = "call") int call) {
        return queue.offer(calls.get(call));
    }

    @Operation
    public void remove(@Param(name = "call") int call) {
        queue.remove(calls.get(call));
    }

    @Operation
    public void close() {
        queue.close();
    }

    @Operation
    public List<Integer> drain() {
        List<Integer> drained = new ArrayList<>();
        for (PooledCall call : queue.drain()) {
            drained.add(calls.indexOf(call));
        }
        return drained;
    }

    @Operation
    public int depth() {
        return queue.depth();
    }

    @Test
    void is_linearizable_under_model_checking() {
        LincheckRuns.checkUnderModelChecking(getClass(), Spec.class);
    }

    @Test
    void is_linearizable_under_stress() {
        LincheckRuns.checkUnderStress(getClass(), Spec.class);
    }

    /** The sequential model: a FIFO of call numbers that holds {@link #CAPACITY}, and a closed flag. */
    public static final class Spec {
        private final ArrayDeque<Integer> calls = new ArrayDeque<>();
        private boolean closed;

        public CallQueue.Admission offer(int call) {
            if (closed) {
                return CallQueue.Admission.CLOSED;
            }
            if (calls.size() == CAPACITY) {
                return CallQueue.Admission.FULL;
            }
            calls.addLast(call);
            return CallQueue.Admission.ACCEPTED;
        }

        public void remove(int call) {
            calls.removeFirstOccurrence(call);
        }

        public void close() {
            closed = true;
        }

        public List<Integer> drain() {
            List<Integer> drained = new ArrayList<>(calls);
            calls.clear();
            return drained;
        }

        public int depth() {
            return calls.size();
        }
    }
}
