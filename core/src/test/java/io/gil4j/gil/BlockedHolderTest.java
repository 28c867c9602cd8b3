package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A holder that cannot run on gives the lock up to a waiter: one that blocks entering a monitor, as CPython's
 * lock acquisition releases the GIL while it blocks; one that blocks in a wait, sleep, join or park that
 * nothing instrumented (a library, the JDK), as CPython's standard library releases the GIL around its
 * blocking calls; and one that ended holding it. No watchdog runs here: without the waiters' look at the
 * holder, the waiter would wait for the lock forever, and the test would time out.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockedHolderTest {

    @ParameterizedTest(name = "waiter holding the monitor announced: {0}")
    @ValueSource(booleans = {true, false})
    void a_waiter_takes_the_lock_from_a_holder_blocked_entering_the_waiters_monitor(boolean announced)
            throws Exception {
        InterpreterLock lock = new InterpreterLock(
                Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.OFF);
        Object monitor = new Object();
        CountDownLatch waiterHoldsMonitor = new CountDownLatch(1);
        AtomicBoolean waiterTookLock = new AtomicBoolean();
        assertTrue(lock.acquire());
        Thread waiter = new Thread(
                () -> {
                    synchronized (monitor) {
                        waiterHoldsMonitor.countDown();
                        waiterTookLock.set(announced ? lock.acquireHoldingMonitor() : lock.acquire());
                        lock.release(SwitchReason.BLOCKING);
                    }
                },
                "waiter");
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
        InterpreterLock lock = new InterpreterLock(
                Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.OFF);
        Thread ended = new Thread(lock::acquire, "ends holding the lock"); // as a virtual thread's task does
        ended.start();
        ended.join();

        assertTrue(lock.acquire());
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(1, lock.stats().switches(SwitchReason.EXIT), "counted as an exit");
    }

    /** Where a holder blocks, outside any instrumented code; each blocks until {@link #until} counts down. */
    enum Block {
        WAIT {
            @Override
            void in(CountDownLatch until) throws InterruptedException {
                Object monitor = new Object();
                synchronized (monitor) {
                    while (until.getCount() > 0) {
                        monitor.wait(1);
                    }
                }
            }
        },
        SLEEP {
            @Override
            void in(CountDownLatch until) throws InterruptedException {
                while (until.getCount() > 0) {
                    // the behaviour under test: a holder blocked in sleep, the lock released around it
                    Thread.sleep(1);
                }
            }
        },
        JOIN {
            @Override
            void in(CountDownLatch until) throws InterruptedException {
                Thread joined = new Thread(() -> awaitQuietly(until), "joined");
                joined.start();
                joined.join();
            }
        },
        PARK {
            @Override
            void in(CountDownLatch until) {
                while (until.getCount() > 0) {
                    LockSupport.parkNanos(until, TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        };

        abstract void in(CountDownLatch until) throws InterruptedException;
    }

    static Stream<Arguments> blocksOnPlatformAndVirtualThreads() {
        return Stream.of(Block.values()).flatMap(b -> Stream.of(Arguments.of(b, false), Arguments.of(b, true)));
    }

    @ParameterizedTest(name = "{0}, virtual thread: {1}")
    @MethodSource("blocksOnPlatformAndVirtualThreads")
    void a_taker_takes_the_lock_from_a_holder_blocked_outside_instrumented_code_and_the_holder_takes_it_back(
            Block block, boolean virtual) throws Exception {
        ThreadFactory threads = virtual ? virtualThreads() : Thread::new;
        InterpreterLock lock = new InterpreterLock(
                Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.OFF);
        CountDownLatch holds = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicBoolean tookBackAfterBlocking = new AtomicBoolean();
        Thread holder = threads.newThread(() -> {
            lock.acquire();
            holds.countDown();
            try {
                block.in(unblock);
            } catch (InterruptedException e) {
                return;
            }
            lock.checkpoint(); // its next check point, as instrumented code would reach
            tookBackAfterBlocking.set(lock.isHeldByCurrentThread());
            lock.release(SwitchReason.EXIT);
        });
        holder.start();
        holds.await();
        awaitBlocked(holder);

        assertTrue(lock.acquire(), "took the lock while the holder was blocked");
        assertTrue(lock.isHeldByCurrentThread());
        lock.release(SwitchReason.BLOCKING);
        unblock.countDown();
        holder.join();
        assertTrue(tookBackAfterBlocking.get(), "the holder took the lock back at its next check point");
        assertTrue(lock.stats().switches(SwitchReason.BLOCKING) >= 1, "counted as a release around blocking");
    }

    private static void awaitBlocked(Thread thread) {
        Eventually.await(
                thread.getName() + " blocked",
                Duration.ofSeconds(30),
                Duration.ofMillis(1),
                () -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Java 21's {@code Thread.ofVirtual().factory()}, found reflectively (the tests compile for Java 17). */
    private static ThreadFactory virtualThreads() throws ReflectiveOperationException {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        return (ThreadFactory)
                Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    }
}
