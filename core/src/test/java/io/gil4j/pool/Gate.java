package io.gil4j.pool;

import static org.junit.jupiter.api.Assertions.fail;

import io.gil4j.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a call that holds its worker until the test opens the gate, so that the test knows which
 * calls are running and which are queued without guessing at timing.
 */
final class Gate {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** Work that signals it has started, waits for {@link #open()} and returns {@code value}. */
    Callable<Object> returning(Object value) {
        return () -> {
            entered.countDown();
            if (!open.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("the gate was not opened within " + TIMEOUT);
            }
            return value;
        };
    }

    /** Waits until the gated work is running on a worker. */
    void awaitEntered() {
        try {
            if (!entered.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                fail("the gated call did not start within " + TIMEOUT + "\n" + Eventually.dumpAllThreads());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the gated call", e);
        }
    }

    void open() {
        open.countDown();
    }
}
