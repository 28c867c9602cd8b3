package io.gil4j.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PredictionTest {

    private static final long HAND_OVER = 10_000; // 10 us

    @Test
    void a_small_share_is_bounded_by_the_work_left_under_the_main_lock() {
        Prediction p = Prediction.of(0.25, 8, 8, HAND_OVER, 1_000, 1_000_000);

        assertEquals(1 / 0.75, p.speedup(), 1e-9);
        assertTrue(p.recommended());
        assertTrue(p.verdict().contains("main lock"), p.verdict());
    }

    @Test
    void a_large_share_is_bounded_by_the_workers() {
        Prediction p = Prediction.of(0.9, 2, 16, 0, 1_000, 1_000_000);

        assertEquals(2 / 0.9, p.speedup(), 1e-9);
        assertTrue(p.verdict().contains("workers"), p.verdict());
    }

    @Test
    void all_of_the_work_is_bounded_by_the_cores_less_the_hand_overs() {
        Prediction p = Prediction.of(1.0, 4, 2, HAND_OVER, 1_000, 100_000); // 10 % hand-over per call

        assertEquals(2 / 1.1, p.speedup(), 1e-9);
        assertTrue(p.verdict().contains("cores"), p.verdict());
    }

    @Test
    void a_call_shorter_than_four_hand_overs_is_flagged_not_recommended() {
        Prediction shorter = Prediction.of(0.6, 2, 2, HAND_OVER, 100_000, 35_000);
        Prediction longer = Prediction.of(0.6, 2, 2, HAND_OVER, 100_000, 45_000);

        assertFalse(shorter.recommended());
        assertTrue(
                shorter.verdict().startsWith("too short: a 35.0 us call is under four hand-overs"), shorter.verdict());
        assertTrue(longer.recommended(), longer.verdict());
    }

    @Test
    void code_that_never_returned_is_not_a_call_to_reroute() {
        Prediction p = Prediction.of(1.0, 2, 2, HAND_OVER, 0, 0);

        assertFalse(p.recommended());
        assertTrue(p.verdict().startsWith("no call ended"), p.verdict());
    }

    @Test
    void a_share_too_small_to_pay_is_not_recommended() {
        Prediction p = Prediction.of(0.02, 2, 2, HAND_OVER, 100, 1_000_000);

        assertFalse(p.recommended());
        assertTrue(p.speedup() < Prediction.WORTHWHILE);
    }
}
