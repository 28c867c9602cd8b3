package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import io.gil4j.testing.NativeBlock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The watchdog hands the lock on when its holder is blocked where no check point can see it (as Go's sysmon
 * retakes a processor from a goroutine stuck in a system call): the waiter gets the lock within a few
 * intervals, the blocked holder takes it back at its next check point, and its own release no longer frees
 * anything. It never takes the lock from a holder that passes check points, nor when nobody waits.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockWatchdogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /**
     * How soon a waiter must get a lock whose holder is blocked. The watchdog should hand it on within about
     * three ticks (15 ms at 5 ms); the rest is slack for a loaded two-core machine.
     */
    private static final Duration HAND_ON_BOUND = Duration.ofSeconds(1);

    @ParameterizedTest
    @EnumSource(LockVariant.class)
    void waiter_gets_the_lock_of_a_holder_blocked_out_of_sight(LockVariant variant) throws Exception {
        InterpreterLock lock = variant.newLock();
        CountDownLatch held = new CountDownLatch(1);
        NativeBlock resume = new NativeBlock();
        try (LockWatchdog watchdog = LockWatchdog.start(lock, "wd")) {
            Forked<Boolean> blocked = Forked.start("blocked-holder", () -> {
                assertTrue(lock.acquire());
                held.countDown();
                resume.await(); // in native code, RUNNABLE: the waiter cannot tell it is blocked
                lock.checkpoint();
                boolean heldAgain = lock.isHeldByCurrentThread();
                lock.release(SwitchReason.EXIT);
                return heldAgain;
            });
            assertTrue(held.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
            Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);

            long waited = waiter.get(TIMEOUT);
            assertTrue(waited <= HAND_ON_BOUND.toNanos(), "waited " + Duration.ofNanos(waited) + " for " + watchdog);
            assertEquals(1, lock.stats().watchdogSwitches());
            resume.close();
            assertTrue(blocked.get(TIMEOUT), "the blocked holder did not take the lock back at its check point");
            assertEquals(1, lock.stats().watchdogSwitches());
        }
    }

    @Test
    void release_by_a_revoked_holder_leaves_the_new_holders_lock_alone() throws Exception {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        CountDownLatch held = new CountDownLatch(1);
        NativeBlock resume = new NativeBlock();
        CountDownLatch oldHolderDone = new CountDownLatch(1);
        try (LockWatchdog watchdog = LockWatchdog.start(lock, "wd")) {
            Forked<Boolean> revoked = Forked.start("revoked-holder", () -> {
                assertTrue(lock.acquire());
                held.countDown();
                resume.await();
                boolean released = lock.releaseIfHeld(SwitchReason.EXIT);
                lock.release(SwitchReason.EXIT);
                oldHolderDone.countDown();
                return released;
            });
            assertTrue(held.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
            Forked<Boolean> successor = Forked.start("successor", () -> {
                assertTrue(lock.acquire());
                resume.close();
                assertTrue(oldHolderDone.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
                boolean stillHeld = lock.isHeldByCurrentThread();
                lock.release(SwitchReason.EXIT);
                return stillHeld;
            });

            assertFalse(revoked.get(TIMEOUT), "the revoked holder thought it still held the lock");
            assertTrue(successor.get(TIMEOUT), "the revoked holder's release freed its successor's lock " + watchdog);
        }
    }

    @Test
    void a_revoked_hold_is_recorded_once_by_the_revoke() throws Exception {
        InterpreterLock lock = new InterpreterLock(
                Algorithm.NEW,
                TimeUnit.MILLISECONDS.toNanos(5),
                LockVariant.CHECK_INTERVAL,
                ClearanceListener.IGNORE,
                HoldTiming.EVERY);
        CountDownLatch held = new CountDownLatch(1);
        NativeBlock resume = new NativeBlock();
        try (LockWatchdog watchdog = LockWatchdog.start(lock, "wd")) {
            Forked<Boolean> revoked = Forked.start("revoked-holder", () -> {
                assertTrue(lock.acquire());
                held.countDown();
                resume.await();
                return lock.releaseIfHeld(SwitchReason.EXIT);
            });
            assertTrue(held.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
            Contention.takeAndRelease("waiter", lock).get(TIMEOUT);
            resume.close();
            assertFalse(revoked.get(TIMEOUT), "the revoked holder thought it still held the lock " + watchdog);
        }
        assertEquals(2, lock.stats().holds().count(), "the revoked hold and the waiter's, each once");
    }

    @Test
    void no_revoke_while_the_holder_passes_checkpoints() {
        // 50 ms: the watchdog would need a holder idle for 100 ms, far beyond any scheduling hiccup.
        InterpreterLock lock = LockVariant.withInterval(Algorithm.NEW, Duration.ofMillis(50));
        try (LockWatchdog watchdog = LockWatchdog.start(lock, "wd")) {
            GuardedWorkers.runCpuBound(lock, 2, Duration.ofMillis(300));
            LockStats stats = lock.stats();
            assertTrue(stats.forcedSwitches() >= 1, "the threads never took turns: " + stats);
            assertEquals(0, stats.watchdogSwitches(), "revoked a holder that passed check points: " + watchdog);
        }
    }

    @Test
    void no_revoke_when_nobody_waits() {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        try (LockWatchdog watchdog = LockWatchdog.start(lock, "wd")) {
            Forked<Boolean> holder = Forked.start("lone-holder", () -> {
                assertTrue(lock.acquire());
                // Stuck out of sight, but alone: 20 ticks of the watchdog without a check point.
                Eventually.holdsThroughout(
                        "the holder keeps its lock", Duration.ofMillis(100), lock::isHeldByCurrentThread);
                lock.release(SwitchReason.EXIT);
                return true;
            });
            assertTrue(holder.get(TIMEOUT), String.valueOf(watchdog));
        }
    }
}
