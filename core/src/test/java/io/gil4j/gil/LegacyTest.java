package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The legacy algorithm (CPython 3.1 and earlier): while anyone waits, the holder releases and re-takes the
 * lock every {@value LockVariant#CHECK_INTERVAL} check points, with no drop requests and no forced switching,
 * so on a multicore machine it usually wins its own lock back; a waiter still gets it in the end.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LegacyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void holder_gives_the_lock_up_at_the_end_of_its_check_point_budget() {
        InterpreterLock lock = LockVariant.LEGACY_100.newLock();
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        for (int i = 1; i < LockVariant.CHECK_INTERVAL; i++) {
            lock.checkpoint();
        }
        assertEquals(1, lock.stats().acquisitions(), "released before the budget was spent");

        lock.checkpoint();
        assertTrue(lock.isHeldByCurrentThread());
        assertTrue(lock.stats().acquisitions() >= 2, "kept the lock past its budget: " + lock.stats());
        lock.release(SwitchReason.EXIT);
        waiter.get(TIMEOUT);
    }

    @Test
    void waiter_gets_the_lock_from_a_holder_that_only_passes_checkpoints() {
        InterpreterLock lock = LockVariant.LEGACY_100.newLock();
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Contention.checkpointUntil(lock, "the waiter got the lock", TIMEOUT, waiter::isDone);
        lock.release(SwitchReason.EXIT);

        waiter.get(TIMEOUT);
        assertEquals(1, lock.stats().forcedSwitches(), "handed over at a re-take: " + lock.stats());
        assertEquals(0, lock.stats().dropRequests());
    }

    @Test
    void cpu_bound_holders_mostly_take_their_own_lock_back() {
        InterpreterLock lock = LockVariant.LEGACY_100.newLock();
        GuardedWorkers.runCpuBound(lock, 2, Duration.ofMillis(300));
        LockStats stats = lock.stats();

        long retakes = stats.acquisitions() - stats.switchNumber();
        assertTrue(retakes > stats.switchNumber(), "re-takes by the holder should outnumber switches: " + stats);
        assertEquals(0, stats.dropRequests());
    }
}
