package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mutual exclusion under load: eight threads each run a million guarded increments of a plain counter,
 * passing a check point after every one and releasing the lock (at frame exit, now and then around a
 * blocking call) after every thousand, so that the lock changes hands by drop requests, legacy re-takes and
 * voluntary releases alike. No thread may find another inside, a thread must hold the lock whenever a check
 * point returns, and no increment may be lost.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MutualExclusionTest {

    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 1_000_000;
    /** Operations between voluntary releases. */
    private static final int CHUNK = 1_000;
    /** Every so many voluntary releases, one is around a blocking call instead of at frame exit. */
    private static final int BLOCKING_EVERY = 7;

    @ParameterizedTest
    @EnumSource(LockVariant.class)
    void eight_threads_are_never_inside_together_and_lose_no_increment(LockVariant variant) {
        InterpreterLock lock = variant.newLock();
        GuardedCounter counter = new GuardedCounter();
        LongAdder overlaps = new LongAdder();
        LongAdder unheldAfterCheckpoint = new LongAdder();
        try (GuardedWorkers workers = GuardedWorkers.start("mutex-" + variant, THREADS, (index, stopping) -> {
            long unheld = 0;
            long overlapped = 0;
            assertTrue(lock.acquire());
            for (int op = 1; op <= OPS_PER_THREAD; op++) {
                overlapped += counter.increment();
                lock.checkpoint();
                if (!lock.isHeldByCurrentThread()) {
                    unheld++;
                }
                if (op % CHUNK == 0) {
                    lock.release(op % (CHUNK * BLOCKING_EVERY) == 0 ? SwitchReason.BLOCKING : SwitchReason.EXIT);
                    if (op < OPS_PER_THREAD) {
                        assertTrue(lock.acquire());
                    }
                }
            }
            overlaps.add(overlapped);
            unheldAfterCheckpoint.add(unheld);
        })) {
            workers.join(Duration.ofSeconds(100));
        }
        assertEquals(0, overlaps.sum(), "times a thread found another inside");
        assertEquals(0, unheldAfterCheckpoint.sum(), "check points that returned without the lock");
        assertEquals((long) THREADS * OPS_PER_THREAD, counter.value(), "increments lost");
        assertEquals(0, lock.stats().waiters());
    }

    /**
     * A plain counter and a marker of who is inside. The marker uses opaque accesses: the compiler keeps
     * them, but they add no happens-before edge, so the lock alone orders the counter.
     */
    static final class GuardedCounter {

        private static final VarHandle INSIDE;

        static {
            try {
                INSIDE = MethodHandles.lookup().findVarHandle(GuardedCounter.class, "inside", Thread.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through INSIDE
        private Thread inside;

        private long count;

        /** One guarded increment; returns the number of times another thread was seen inside (0, 1 or 2). */
        int increment() {
            Thread me = Thread.currentThread();
            int overlaps = INSIDE.getOpaque(this) == null ? 0 : 1;
            INSIDE.setOpaque(this, me);
            long seen = count;
            Thread.onSpinWait(); // widen the window in which a second thread inside would lose this increment
            count = seen + 1;
            if (INSIDE.getOpaque(this) != me) {
                overlaps++;
            }
            INSIDE.setOpaque(this, null);
            return overlaps;
        }

        long value() {
            return count;
        }
    }
}
