package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A holder that cannot run on gives the lock up to a waiter: one that blocks entering a monitor, as CPython's
 * lock acquisition releases the GIL while it blocks, and one that ended holding it. No watchdog runs here:
 * without the waiters' look at the holder, the waiter would wait for the lock forever, and the test would
 * time out.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockedHolderTest {

    @ParameterizedTest(name = "waiter holding the monitor announced: {0}")
    @ValueSource(booleans = {true, false})
    void a_waiter_takes_the_lock_from_a_holder_blocked_entering_the_waiters_monitor(boolean announced)
            throws Exception {
        InterpreterLock lock = new InterpreterLock(Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100,
                ClearanceListener.IGNORE, HoldTiming.OFF);
        Object monitor = new Object();
        CountDownLatch waiterHoldsMonitor = new CountDownLatch(1);
        AtomicBoolean waiterTookLock = new AtomicBoolean();
        assertTrue(lock.acquire());
        Thread waiter = new Thread(() -> {
            synchronized (monitor) {
                waiterHoldsMonitor.countDown();
                waiterTookLock.set(announced ? lock.acquireHoldingMonitor() : lock.acquire());
                lock.release(SwitchReason.BLOCKING);
            }
        }, "waiter");
        waiter.start();
        waiterHoldsMonitor.await();

        synchronized (monitor) { // blocks while the waiter holds the monitor and waits for the lock
            assertTrue(waiterTookLock.get(), "the waiter took the lock from the blocked holder");
        }
        waiter.join();
        assertFalse(lock.isHeldByCurrentThread(), "the blocked holder gave the lock up");
        assertTrue(lock.stats().switches(SwitchReason.BLOCKING) >= 1, "counted as a release around blocking");
    }

    @Test
    void a_taker_takes_the_lock_a_thread_ended_holding() throws Exception {
        InterpreterLock lock = new InterpreterLock(Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100,
                ClearanceListener.IGNORE, HoldTiming.OFF);
        Thread ended = new Thread(lock::acquire, "ends holding the lock"); // as a virtual thread's task does
        ended.start();
        ended.join();

        assertTrue(lock.acquire());
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(1, lock.stats().switches(SwitchReason.EXIT), "counted as an exit");
    }
}
