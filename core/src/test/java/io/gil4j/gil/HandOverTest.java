package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-over under the new algorithm, as CPython's {@code take_gil}/{@code drop_gil} do it: the holder honours
 * a drop request at its next check point, and a forced dropper does not take its own lock back while another
 * thread waits, so that two CPU-bound threads switch about once per interval. (When a request is made at all
 * is {@link DropRequestTest}'s subject.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandOverTest {

    private static final Duration INTERVAL = Duration.ofMillis(5);

    @Test
    void holder_honours_drop_request_at_next_checkpoint() {
        InterpreterLock lock = LockVariant.withInterval(Algorithm.NEW, INTERVAL);
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await(
                "the waiter waits", Duration.ofSeconds(5), () -> lock.stats().waiters() == 1);
        Contention.checkpointUntil(lock, "the waiter took the lock", Duration.ofSeconds(5), waiter::isDone);

        assertTrue(lock.isHeldByCurrentThread(), "the dropper took the lock back at the same check point");
        assertTrue(waiter.get(Duration.ofSeconds(1)) >= INTERVAL.toNanos(), "the waiter asked before an interval");
        LockStats stats = lock.stats();
        // One request by the waiter; a second, by the dropper, only if the waiter's short hold outlasted an interval.
        assertTrue(stats.dropRequests() == 1 || stats.dropRequests() == 2, "drop requests: " + stats);
        assertEquals(1, stats.forcedSwitches(), "the drop handed the lock to the waiter");
        assertEquals(1, stats.exitSwitches(), "the waiter's release handed it back");
        assertEquals(3, stats.switchNumber());
        lock.release(SwitchReason.EXIT);
    }

    @Test
    void two_cpu_bound_threads_switch_about_once_per_interval() {
        InterpreterLock lock = LockVariant.withInterval(Algorithm.NEW, INTERVAL);
        GuardedWorkers.runCpuBound(lock, 2, Duration.ofSeconds(1));
        LockStats stats = lock.stats();

        // CPython switches about 1 s / 5 ms = 200 times; a loaded two-core machine wakes threads late.
        assertTrue(stats.switchNumber() >= 50 && stats.switchNumber() <= 400, "switches in 1 s: " + stats);
        assertTrue(
                stats.forcedSwitches() >= stats.switchNumber() - 2,
                "every switch but the first take and the last exit is forced: " + stats);
        assertTrue(
                stats.waitNanos() >= (stats.contendedAcquisitions() - 1) * INTERVAL.toNanos(),
                "a waiter took the lock before waiting an interval: " + stats);
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW_5MS", "NEW_1US"})
    void forced_dropper_never_takes_its_own_lock_back(LockVariant variant) {
        InterpreterLock lock = variant.newLock();
        long observedSwitches = GuardedWorkers.runCpuBound(lock, 2, Duration.ofMillis(500));
        LockStats stats = lock.stats();

        // Two CPU-bound threads give the lock up only when asked, so every acquisition must go to the thread
        // that did not hold it last; a dropper that took its own lock back would be an acquisition that is no
        // switch. The guarded code must see the same changes of thread as the lock counts, but for the two
        // last takes when the workers stop, which only leave again.
        assertTrue(stats.forcedSwitches() > 10, "too few forced switches to judge: " + stats);
        assertEquals(stats.switchNumber(), stats.acquisitions(), "acquisitions that were no switch: " + stats);
        assertTrue(
                Math.abs(observedSwitches - stats.switchNumber()) <= 2,
                "the guarded code saw " + observedSwitches + " changes of thread: " + stats);
    }
}
