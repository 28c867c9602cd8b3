package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog's verdict on a stalled holder: out of sight when the JVM shows it parked or blocked, or when
 * it burns CPU without reaching a check point; given {@link StalledHolder#PATIENCE_NANOS} when it is
 * runnable and uses no CPU, as a descheduled thread does. Times are passed in, so the verdicts are exact.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StalledHolderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long TWO_TICKS = TimeUnit.MILLISECONDS.toNanos(10);

    @Test
    void holder_parked_out_of_sight_is_handed_on_at_once() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Thread parked = start(() -> await(never));
        Eventually.await("the holder parks", TIMEOUT, () -> parked.getState() == Thread.State.WAITING);
        long since = System.nanoTime();

        assertTrue(new StalledHolder(parked, since).isOutOfSight(since + TWO_TICKS));
        never.countDown();
        parked.join();
    }

    @Test
    void holder_blocked_on_a_monitor_is_handed_on_at_once() throws Exception {
        Object monitor = new Object();
        Thread blocked;
        synchronized (monitor) {
            blocked = start(() -> {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            });
            Thread watched = blocked;
            Eventually.await("the holder blocks", TIMEOUT, () -> watched.getState() == Thread.State.BLOCKED);
            long since = System.nanoTime();
            assertTrue(new StalledHolder(blocked, since).isOutOfSight(since + TWO_TICKS));
        }
        blocked.join();
    }

    @Test
    void holder_working_in_uninstrumented_code_keeps_the_lock_as_a_c_extension_keeps_the_gil() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadCpuTimeSupported());
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinning = start(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        long since = System.nanoTime();
        StalledHolder stalled = new StalledHolder(spinning, since);
        long cpuAtStart = threads.getThreadCpuTime(spinning.getId());
        Eventually.await(
                "the holder uses a millisecond of CPU",
                TIMEOUT,
                () -> threads.getThreadCpuTime(spinning.getId()) - cpuAtStart >= TimeUnit.MILLISECONDS.toNanos(1));

        assertFalse(stalled.isOutOfSight(since + TWO_TICKS), "two ticks, working");
        long later = System.nanoTime() + StalledHolder.PATIENCE_NANOS;
        long cpuNow = threads.getThreadCpuTime(spinning.getId());
        Eventually.await(
                "another millisecond of CPU",
                TIMEOUT,
                () -> threads.getThreadCpuTime(spinning.getId()) - cpuNow >= TimeUnit.MILLISECONDS.toNanos(1));
        assertFalse(stalled.isOutOfSight(later), "past the patience, still working: it keeps the lock");
        stop.set(true);
        spinning.join();
    }

    @Test
    void runnable_holder_that_uses_no_cpu_keeps_the_lock_until_the_patience_runs_out() throws Exception {
        // Blocked in a native accept(): RUNNABLE to the JVM, using no CPU, as a descheduled thread looks.
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            Thread accepting = start(() -> {
                try {
                    server.accept().close();
                } catch (IOException closed) {
                    // the test closed the socket
                }
            });
            Eventually.await(
                    "the holder waits in accept",
                    TIMEOUT,
                    () -> accepting.getState() == Thread.State.RUNNABLE
                            && Arrays.stream(accepting.getStackTrace())
                                    .anyMatch(f -> f.getMethodName().contains("accept")));
            long since = System.nanoTime();
            StalledHolder stalled = new StalledHolder(accepting, since);

            assertFalse(stalled.isOutOfSight(since + TWO_TICKS), "two ticks: it may only be waiting for a CPU");
            assertFalse(stalled.isOutOfSight(since + StalledHolder.PATIENCE_NANOS - 1));
            assertTrue(stalled.isOutOfSight(since + StalledHolder.PATIENCE_NANOS));
        } finally {
            server.close(); // ends the accept
        }
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body, "stalled-holder");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
