package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No starvation: eight CPU-bound threads that never release the lock of their own accord, only pass check
 * points, all make progress in every one-second window, at CPython's default and minimum switch intervals.
 * At 5 ms each thread should get the lock about every 40 ms, so a thread idle for a whole second has been
 * passed over some 25 times. Run longer with {@code -Dgil4j.test.starvation.seconds=60}.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StarvationTest {

    private static final int THREADS = 8;
    /** Longs between two threads' progress counters, so that they do not share a cache line. */
    private static final int PAD = 16;

    private static final int WORK_ROUNDS = 200;

    @ParameterizedTest
    @EnumSource(names = {"NEW_5MS", "NEW_1US"})
    void every_cpu_bound_thread_progresses_in_every_second(LockVariant variant) {
        int seconds = Integer.getInteger("gil4j.test.starvation.seconds", 3);
        InterpreterLock lock = variant.newLock();
        AtomicLongArray progress = new AtomicLongArray(THREADS * PAD);
        List<String> stalls = new ArrayList<>();
        try (GuardedWorkers workers = GuardedWorkers.start("starve-" + variant, THREADS, (index, stopping) -> {
            assertTrue(lock.acquire());
            long done = 0;
            long work = index;
            while (!stopping.getAsBoolean()) {
                work = GuardedWorkers.burn(work, WORK_ROUNDS);
                progress.setOpaque(index * PAD, ++done);
                lock.checkpoint();
            }
            lock.release(SwitchReason.EXIT);
            GuardedWorkers.consume(work);
        })) {
            long[] before = snapshot(progress);
            long windowEnd = System.nanoTime();
            for (int second = 1; second <= seconds; second++) {
                windowEnd += TimeUnit.SECONDS.toNanos(1);
                parkUntil(windowEnd);
                long[] after = snapshot(progress);
                for (int t = 0; t < THREADS; t++) {
                    if (after[t] == before[t]) {
                        stalls.add("thread " + t + " in second " + second);
                    }
                }
                before = after;
            }
            workers.stop();
            workers.join(Duration.ofSeconds(10));
        }
        assertTrue(stalls.isEmpty(), "threads that made no progress in a whole second: " + stalls);
    }

    private static long[] snapshot(AtomicLongArray progress) {
        long[] values = new long[THREADS];
        for (int t = 0; t < THREADS; t++) {
            values[t] = progress.getOpaque(t * PAD);
        }
        return values;
    }

    /** Sampling at a fixed period, not waiting for a condition: parks until {@code deadline}. */
    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
