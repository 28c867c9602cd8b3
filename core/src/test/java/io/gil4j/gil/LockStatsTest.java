package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.stats.HistogramSnapshot;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counters, one step at a time: every acquisition is counted, a wait only when the taker had to wait,
 * the time held, and a switch only when the lock goes to a thread other than its last holder, under the
 * reason of the release before it; the wait of every acquisition and the holds that the timing selects, in
 * histograms. The locks here never ask for a drop, so every count is exact.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockStatsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long HOLD_NANOS = Duration.ofMillis(2).toNanos();

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void uncontended_acquisition_counts_no_wait(Algorithm algorithm) {
        InterpreterLock lock = LockVariant.quiet(algorithm);
        assertTrue(lock.acquire());
        lock.release(SwitchReason.EXIT);

        LockStats stats = lock.stats();
        assertEquals(1, stats.acquisitions());
        assertEquals(0, stats.contendedAcquisitions());
        assertEquals(0, stats.waitNanos());
        assertEquals(1, stats.switchNumber(), "the first holder is a switch, as in CPython");
        assertEquals(
                0,
                stats.exitSwitches() + stats.blockingSwitches() + stats.forcedSwitches() + stats.watchdogSwitches(),
                "no release came before the first take");
        assertEquals(0, stats.waiters());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void retake_by_the_last_holder_is_no_switch(Algorithm algorithm) {
        InterpreterLock lock = LockVariant.quiet(algorithm);
        for (int i = 0; i < 3; i++) {
            assertTrue(lock.acquire());
            lock.release(SwitchReason.EXIT);
        }

        LockStats stats = lock.stats();
        assertEquals(3, stats.acquisitions());
        assertEquals(1, stats.switchNumber());
        assertEquals(0, stats.exitSwitches());
    }

    @ParameterizedTest
    @EnumSource(names = {"EXIT", "BLOCKING"})
    void switch_is_counted_under_the_reason_of_the_release_before_it(SwitchReason reason) {
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW);
        assertTrue(lock.acquire());
        lock.release(reason);
        Contention.takeAndRelease("taker", lock).get(TIMEOUT);

        LockStats stats = lock.stats();
        assertEquals(2, stats.switchNumber());
        for (SwitchReason counted : SwitchReason.values()) {
            assertEquals(counted == reason ? 1 : 0, stats.switches(counted), counted + " switches");
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void contended_acquisition_counts_its_wait(Algorithm algorithm) {
        InterpreterLock lock = LockVariant.quiet(algorithm);
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        holdFor(HOLD_NANOS);
        lock.release(SwitchReason.EXIT);
        long waited = waiter.get(TIMEOUT);

        LockStats stats = lock.stats();
        assertEquals(2, stats.acquisitions());
        assertEquals(1, stats.contendedAcquisitions());
        assertTrue(
                stats.waitNanos() >= HOLD_NANOS && stats.waitNanos() <= waited,
                "counted " + stats.waitNanos() + " ns of a wait of " + waited + " ns");
        assertEquals(1, stats.exitSwitches());
        assertEquals(0, stats.dropRequests());
        assertEquals(0, stats.waiters());
        assertEquals(2, stats.waits().count(), "every acquisition has a wait");
        assertEquals(1, stats.waits().count(0), "the uncontended one waited zero");
        assertEquals(stats.waitNanos(), stats.waits().sumNanos());
    }

    @Test
    void every_hold_is_timed_when_timing_is_every() {
        InterpreterLock lock = quiet(HoldTiming.EVERY);
        for (int i = 0; i < 3; i++) {
            assertTrue(lock.acquire());
            holdFor(HOLD_NANOS);
            lock.release(SwitchReason.EXIT);
        }

        HistogramSnapshot holds = lock.stats().holds();
        assertEquals(3, holds.count());
        assertTrue(holds.sumNanos() >= 3 * HOLD_NANOS, holds.toString());
    }

    @Test
    void sampled_timing_times_one_uncontended_hold_in_64_and_counts_it_64_times() {
        InterpreterLock lock = quiet(HoldTiming.SAMPLED);
        for (int i = 0; i < 3 * InterpreterLock.HOLD_SAMPLE_EVERY - 1; i++) {
            assertTrue(lock.acquire());
            lock.release(SwitchReason.EXIT);
        }

        assertEquals(
                2L * InterpreterLock.HOLD_SAMPLE_EVERY,
                lock.stats().holds().count(),
                "acquisitions 64 and 128 of 191 were timed");
    }

    @Test
    void sampled_timing_times_every_hold_that_began_contended() throws Exception {
        InterpreterLock lock = quiet(HoldTiming.SAMPLED);
        assertTrue(lock.acquire());
        Forked<Long> waiter = Forked.start("waiter", () -> {
            lock.acquire();
            holdFor(HOLD_NANOS);
            lock.release(SwitchReason.EXIT);
            return 0L;
        });
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        lock.release(SwitchReason.EXIT);
        waiter.get(TIMEOUT);

        HistogramSnapshot holds = lock.stats().holds();
        assertEquals(1, holds.count(), "the first, uncontended hold is not sampled; the contended one is");
        assertTrue(holds.sumNanos() >= HOLD_NANOS, holds.toString());
    }

    @Test
    void no_hold_is_timed_when_timing_is_off() {
        InterpreterLock lock = quiet(HoldTiming.OFF);
        for (int i = 0; i < 2 * InterpreterLock.HOLD_SAMPLE_EVERY; i++) {
            assertTrue(lock.acquire());
            lock.release(SwitchReason.EXIT);
        }
        assertEquals(0, lock.stats().holds().count());
    }

    private static InterpreterLock quiet(HoldTiming timing) {
        return new InterpreterLock(
                Algorithm.NEW, TimeUnit.HOURS.toNanos(1), LockVariant.CHECK_INTERVAL, ClearanceListener.IGNORE, timing);
    }

    @Test
    void waiters_counts_the_threads_waiting_now() {
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW);
        assertTrue(lock.acquire());
        Forked<Long> first = Contention.takeAndRelease("waiter-1", lock);
        Forked<Long> second = Contention.takeAndRelease("waiter-2", lock);
        Eventually.await("both threads wait", TIMEOUT, () -> lock.stats().waiters() == 2);
        lock.release(SwitchReason.EXIT);
        first.get(TIMEOUT);
        second.get(TIMEOUT);
        assertEquals(0, lock.stats().waiters());
        assertEquals(2, lock.stats().contendedAcquisitions());
    }

    @Test
    void hold_time_is_sampled_only_while_the_lock_is_held() {
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW);
        lock.sampleHold(1_000);
        assertEquals(0, lock.stats().holdNanos(), "counted while free");
        assertTrue(lock.acquire());
        lock.sampleHold(1_000);
        lock.sampleHold(2_000);
        lock.release(SwitchReason.EXIT);
        lock.sampleHold(4_000);
        assertEquals(3_000, lock.stats().holdNanos());
    }

    @Test
    void watchdog_samples_the_hold_time_of_every_lock_it_watches() {
        InterpreterLock watched = LockVariant.NEW_5MS.newLock();
        InterpreterLock also = LockVariant.NEW_5MS.newLock();
        LockWatchdog watchdog = LockWatchdog.start(watched, "wd");
        try {
            watchdog.watch(also);
            assertTrue(also.acquire());
            holdFor(20 * HOLD_NANOS);
            also.release(SwitchReason.EXIT);
        } finally {
            watchdog.close();
        }
        assertTrue(also.stats().holdNanos() > 0, "the lock watched later is sampled");
        assertEquals(0, watched.stats().holdNanos(), "never held");
    }

    @Test
    void watchdog_samples_the_hold_time() {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        long start = System.nanoTime();
        LockWatchdog watchdog = LockWatchdog.start(lock, "wd");
        try {
            assertTrue(lock.acquire());
            holdFor(20 * HOLD_NANOS); // 40 ms: some eight ticks
            lock.release(SwitchReason.EXIT);
        } finally {
            watchdog.close();
        }
        long watched = System.nanoTime() - start;
        long held = lock.stats().holdNanos();
        assertTrue(held > 0 && held <= watched, "sampled " + held + " ns of " + watched + " ns watched");
    }

    /** Holds on, busy, for {@code nanos}: the time to be counted, not a wait for a condition. */
    private static void holdFor(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
    }
}
