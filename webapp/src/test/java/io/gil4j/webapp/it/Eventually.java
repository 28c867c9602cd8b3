package io.gil4j.webapp.it;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it, never for a guessed time: every {@link #POLL} until it holds or the
 * deadline passes, then fails naming what was awaited and what was last seen.
 */
final class Eventually {

    /** How often a condition is checked. */
    static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {}

    /**
     * Polls {@code probe} until it returns a value, for at most {@code timeout}; that value.
     *
     * @param state what was last seen, for the failure message
     * @throws AssertionError at the deadline
     */
    static <T> T await(Duration timeout, String what, Probe<T> probe, Supplier<String> state)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.poll();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "; " + state.get());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** One look at a condition: its value once it holds, else empty. An exception ends the wait. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> poll() throws IOException, InterruptedException;
    }
}
