package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Taking the lock out of force, and interrupts. {@link InterpreterLock#disable()} sends every waiter away
 * without the lock, at once, frees forced droppers, makes later acquisitions return at once and leaves the
 * holder its lock; {@link InterpreterLock#enable()} puts it back. An interrupt does not cut an acquisition
 * short: the thread still gets the lock, and finds its interrupt flag set.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DisableAndInterruptTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How soon a waiter must return once the lock is disabled. */
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    @ParameterizedTest
    @EnumSource(LockVariant.class)
    void waiters_return_without_the_lock_when_it_is_disabled(LockVariant variant) {
        InterpreterLock lock = variant.newLock();
        assertTrue(lock.acquire());
        List<Forked<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(Forked.start("waiter-" + i, () -> {
                boolean taken = lock.acquire();
                return taken || lock.isHeldByCurrentThread();
            }));
        }
        Eventually.await("three threads wait", TIMEOUT, () -> lock.stats().waiters() == 3);

        lock.disable();
        for (Forked<Boolean> waiter : waiters) {
            assertFalse(waiter.get(PROMPTLY), waiter.thread().getName() + " took a disabled lock");
        }
        assertFalse(lock.isHeldByCurrentThread(), "disable frees the holder's lock");
        assertEquals(0, lock.stats().waiters());
        lock.release(SwitchReason.EXIT); // the former holder's late release changes nothing
        lock.enable();
        assertTrue(lock.acquire(), "the lock disable freed can be taken at once after enable");
    }

    @Test
    void release_if_held_releases_the_holder_once_and_nobody_else() {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        assertTrue(lock.acquire());
        assertTrue(lock.releaseIfHeld(SwitchReason.BLOCKING), "a holder outside the lock's code releases");
        assertFalse(lock.releaseIfHeld(SwitchReason.BLOCKING), "a thread that does not hold releases nothing");
    }

    @Test
    void acquire_after_disable_returns_false_at_once() {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        lock.disable();
        assertFalse(lock.isEnabled());
        assertFalse(lock.acquire());
        lock.checkpoint();
        assertFalse(lock.isHeldByCurrentThread(), "a check point took a disabled lock");
        assertEquals(0, lock.stats().acquisitions());
    }

    @Test
    void enable_puts_the_lock_back_in_force() {
        InterpreterLock lock = LockVariant.NEW_5MS.newLock();
        lock.disable();
        lock.enable();
        assertTrue(lock.isEnabled());
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await("the other thread waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        lock.release(SwitchReason.EXIT);
        waiter.get(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(LockVariant.class)
    void disable_under_load_lets_every_thread_run_on(LockVariant variant) {
        // Eight CPU-bound threads that stop only when the lock goes out of force: at that moment some wait
        // in acquire(), one may be a forced dropper waiting for a successor, one holds the lock.
        InterpreterLock lock = variant.newLock();
        try (GuardedWorkers workers = GuardedWorkers.start("disable-" + variant, 8, (index, stopping) -> {
            if (!lock.acquire()) {
                return;
            }
            long work = index;
            while (lock.isEnabled()) {
                work = GuardedWorkers.burn(work, 200);
                lock.checkpoint();
            }
            lock.releaseIfHeld(SwitchReason.EXIT);
            GuardedWorkers.consume(work);
        })) {
            Eventually.await(
                    "the lock changed hands", TIMEOUT, () -> lock.stats().switchNumber() >= 4);
            lock.disable();
            workers.join(TIMEOUT);
        }
        assertEquals(0, lock.stats().waiters());
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW_5MS", "LEGACY_100"})
    void interrupted_waiter_still_gets_the_lock_and_keeps_its_interrupt(LockVariant variant) {
        InterpreterLock lock = variant.newLock();
        assertTrue(lock.acquire());
        Forked<String> waiter = Forked.start("waiter", () -> {
            boolean taken = lock.acquire();
            boolean interrupted = Thread.interrupted();
            boolean held = lock.isHeldByCurrentThread();
            lock.release(SwitchReason.EXIT);
            return "taken " + taken + ", interrupted " + interrupted + ", held " + held;
        });
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);

        waiter.thread().interrupt();
        Eventually.holdsThroughout(
                "the interrupted waiter goes on waiting",
                Duration.ofMillis(50),
                () -> !waiter.isDone() && lock.stats().waiters() == 1);
        lock.release(SwitchReason.EXIT);
        assertEquals("taken true, interrupted true, held true", waiter.get(TIMEOUT));
    }
}
