package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PreparedTest {

    @Test
    void get_returns_what_the_background_build_made() {
        assertEquals("built", new Prepared<>("test-build", () -> "built").get());
    }

    @Test
    void get_waits_through_an_interrupt_and_keeps_the_interrupt_status() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Prepared<String> prepared = new Prepared<>("test-build", () -> {
            release.await();
            return "built";
        });
        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            while (caller.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            release.countDown(); // only once the caller waits, its interrupt already swallowed by FutureTask
        });
        caller.interrupt();
        releaser.start();
        try {
            assertEquals("built", prepared.get());
            assertTrue(Thread.interrupted());
        } finally {
            releaser.join();
        }
    }

    @Test
    void get_returns_null_when_the_build_failed() {
        Prepared<String> prepared = new Prepared<>("test-build", () -> {
            throw new IllegalStateException("no");
        });
        assertNull(prepared.get());
        assertNull(prepared.get());
    }
}
