package io.gil4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void await_returns_at_the_poll_that_finds_the_condition_true() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.await("the third poll", Duration.ofSeconds(30), () -> polls.incrementAndGet() == 3);
        assertEquals(3, polls.get());
    }

    @Test
    void await_fails_at_the_deadline_naming_what_and_dumping_threads() {
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> Eventually.await("never", Duration.ofMillis(20), Duration.ofMillis(5), () -> false));
        assertTrue(failure.getMessage().contains("never"), failure.getMessage());
        assertTrue(failure.getMessage().contains("thread dump:"), failure.getMessage());
    }

    @Test
    void await_of_an_outside_condition_fails_with_what_was_last_seen_not_a_dump() {
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> Eventually.await(
                        "never", Duration.ofMillis(20), Duration.ofMillis(5), () -> false, () -> "last: 7"));
        assertTrue(
                failure.getMessage().contains("last: 7")
                        && !failure.getMessage().contains("thread dump:"),
                failure.getMessage());
    }

    @Test
    void awaitValue_returns_the_probes_first_value() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        int value = Eventually.awaitValue(
                "a value",
                Duration.ofSeconds(30),
                Duration.ofMillis(1),
                () -> polls.incrementAndGet() < 3 ? Optional.empty() : Optional.of(polls.get()),
                () -> "");
        assertEquals(3, value);
    }

    @Test
    void awaitValue_fails_at_the_deadline_with_what_was_last_seen() {
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> Eventually.awaitValue(
                        "nothing", Duration.ofMillis(20), Duration.ofMillis(5), Optional::empty, () -> "last: 42"));
        assertTrue(
                failure.getMessage().contains("nothing") && failure.getMessage().contains("last: 42"),
                failure.getMessage());
    }

    @Test
    void holdsThroughout_fails_as_soon_as_the_invariant_breaks() {
        AtomicInteger polls = new AtomicInteger();
        assertThrows(
                AssertionError.class,
                () -> Eventually.holdsThroughout(
                        "under three polls", Duration.ofSeconds(30), () -> polls.incrementAndGet() < 3));
        assertEquals(3, polls.get());
    }
}
