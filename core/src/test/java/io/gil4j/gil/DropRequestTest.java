package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When a waiter asks the holder to drop the lock (the new algorithm, CPython's {@code take_gil}): only when
 * its timed wait of one whole interval ran out, the lock is still held, and it has not changed hands
 * meanwhile ({@code switch_number}). A waiter woken early that finds the lock taken again waits afresh; a
 * thread that holds the lock only briefly between blocking calls is not asked. Every request made is
 * honoured: none may be lost between the waiter and the holder's next check point.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DropRequestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration INTERVAL = Duration.ofMillis(5);

    @Test
    void woken_waiter_that_finds_the_lock_taken_again_asks_for_no_drop() {
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW); // no interval runs out in this test
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        for (int i = 0; i < 1_000 && !waiter.isDone(); i++) {
            lock.release(SwitchReason.EXIT); // wakes the waiter...
            assertTrue(lock.acquire()); // ...and mostly takes the lock back before it runs
        }
        lock.release(SwitchReason.EXIT);
        waiter.get(TIMEOUT);
        assertEquals(0, lock.stats().dropRequests(), "asked for a drop although its interval had not run out");
    }

    @Test
    void waiter_asks_for_no_drop_when_the_lock_changed_hands_during_its_interval() throws Exception {
        Duration interval = Duration.ofMillis(100);
        InterpreterLock lock = LockVariant.withInterval(Algorithm.NEW, interval);
        CountDownLatch letGo = new CountDownLatch(1);
        assertTrue(lock.acquire());
        Forked<Boolean> next = Forked.start("next-holder", () -> {
            assertTrue(lock.acquire());
            Eventually.await("let go", TIMEOUT, () -> letGo.getCount() == 0); // runnable: it keeps the lock
            lock.release(SwitchReason.EXIT);
            return true;
        });
        Eventually.await("the next holder waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        AtomicLong observerStart = new AtomicLong();
        Forked<Boolean> observer = Forked.start("observer", () -> {
            observerStart.set(System.nanoTime());
            boolean taken = lock.acquire();
            lock.release(SwitchReason.EXIT);
            return taken;
        });
        Eventually.await(
                "the observer waits behind it", TIMEOUT, () -> lock.stats().waiters() == 2);

        lock.release(SwitchReason.EXIT); // wakes the first waiter only: the next holder
        Eventually.await(
                "the next holder took the lock", TIMEOUT, () -> lock.stats().switchNumber() == 2);
        // The observer's first interval ends with the lock held, but it changed hands meanwhile: no request.
        // Its second ends with no change: then it asks, two intervals after it started at the earliest.
        long untilHalfAfterFirstInterval = observerStart.get() + interval.toNanos() * 3 / 2 - System.nanoTime();
        Eventually.holdsThroughout(
                "no drop request in the observer's first interval",
                Duration.ofNanos(Math.max(0, untilHalfAfterFirstInterval)),
                () -> lock.stats().dropRequests() == 0);
        Eventually.await(
                "the observer asks after its second interval",
                TIMEOUT,
                () -> lock.stats().dropRequests() == 1);

        letGo.countDown();
        assertTrue(next.get(TIMEOUT));
        assertTrue(observer.get(TIMEOUT));
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW_5MS", "NEW_1US"})
    void every_drop_request_is_honoured_at_the_next_checkpoint(LockVariant variant) {
        InterpreterLock lock = variant.newLock();
        GuardedWorkers.runCpuBound(lock, 2, Duration.ofMillis(500));
        LockStats stats = lock.stats();

        // The holder passes a check point after every operation, so each request must end in a forced
        // switch; only the request pending when the workers stop may be met by their exit instead. A request
        // that is lost makes the waiter wait a further interval and ask again.
        assertTrue(stats.dropRequests() > 10, "too few drop requests to judge: " + stats);
        assertTrue(stats.forcedSwitches() <= stats.dropRequests(), "forced switch without a request: " + stats);
        assertTrue(
                stats.forcedSwitches() >= stats.dropRequests() - 1,
                (stats.dropRequests() - stats.forcedSwitches()) + " drop requests never honoured: " + stats);
    }

    @Test
    void threads_that_release_around_blocking_calls_are_almost_never_asked_to_drop() {
        InterpreterLock lock = LockVariant.withInterval(Algorithm.NEW, INTERVAL);
        try (GuardedWorkers workers = GuardedWorkers.start("blocking", 3, (index, stopping) -> {
            long work = index;
            for (int call = 0; call < 1_000; call++) {
                assertTrue(lock.acquire());
                for (int op = 0; op < 50; op++) {
                    work = GuardedWorkers.burn(work, 200);
                    lock.checkpoint();
                }
                lock.release(SwitchReason.BLOCKING);
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100)); // the blocking call itself
            }
            GuardedWorkers.consume(work);
        })) {
            workers.join(Duration.ofSeconds(30));
        }
        LockStats stats = lock.stats();

        // A holder that holds for well under an interval is asked only if it is descheduled while holding.
        assertTrue(stats.blockingSwitches() > 100, "the threads hardly took turns: " + stats);
        assertTrue(stats.dropRequests() <= 1 + stats.acquisitions() / 100, "drop requests: " + stats);
    }
}
