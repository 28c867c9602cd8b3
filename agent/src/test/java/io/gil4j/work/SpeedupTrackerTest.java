package io.gil4j.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tracker fed by hand, one tick a second: throughput per stay, warm-up, switches, the ratio. */
class SpeedupTrackerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final SpeedupTracker tracker = new SpeedupTracker(Mode.SEQUENTIAL);
    private long now;
    private long completed;
    private long transitions;

    /** {@code seconds} ticks in {@code mode} at {@code perSecond} calls a second. */
    private void run(Mode mode, int seconds, int perSecond) {
        for (int i = 0; i < seconds; i++) {
            tracker.tick(now, completed, mode, transitions);
            now += SECOND;
            completed += perSecond;
        }
    }

    private void switchTo(Mode mode, int seconds, int perSecond) {
        transitions++;
        run(mode, seconds, perSecond);
    }

    @Test
    void throughput_is_unknown_until_the_warm_up_and_three_samples_have_passed() {
        run(Mode.SEQUENTIAL, SpeedupTracker.WARM_UP_TICKS + SpeedupTracker.MIN_SAMPLES, 5);
        assertTrue(Double.isNaN(tracker.throughput(Mode.SEQUENTIAL)), "the entry tick and warm-up add nothing");
        run(Mode.SEQUENTIAL, 1, 5);
        assertEquals(5, tracker.throughput(Mode.SEQUENTIAL), 1e-9);
    }

    @Test
    void speedup_is_the_current_throughput_over_the_baselines() {
        run(Mode.SEQUENTIAL, 8, 5);
        assertEquals(1.0, tracker.speedup(), 1e-9, "in the baseline itself");
        switchTo(Mode.INTERPRETERS, 8, 9);
        assertEquals(9 / 5.0, tracker.speedup(), 1e-9);
    }

    @Test
    void speedup_is_unknown_while_the_baseline_was_never_measured() {
        run(Mode.GIL, 10, 5);
        assertTrue(Double.isNaN(tracker.speedup()));
        assertEquals(5, tracker.throughput(Mode.GIL), 1e-9);
    }

    @Test
    void an_interval_with_a_switch_adds_no_sample_even_back_to_the_same_mode() {
        run(Mode.SEQUENTIAL, 8, 5);
        double before = tracker.throughput(Mode.SEQUENTIAL);
        transitions += 2; // to another mode and back within one tick
        run(Mode.SEQUENTIAL, SpeedupTracker.WARM_UP_TICKS + 1, 1_000);
        assertEquals(
                before, tracker.throughput(Mode.SEQUENTIAL), 1e-9, "the switch's tick and the warm-up are dropped");
    }

    @Test
    void entering_a_mode_again_forgets_its_previous_stay_and_the_window_keeps_ten_samples() {
        run(Mode.SEQUENTIAL, 8, 5);
        switchTo(Mode.NATIVE, 8, 10);
        switchTo(Mode.SEQUENTIAL, 4, 2);
        assertTrue(Double.isNaN(tracker.throughput(Mode.SEQUENTIAL)), "one sample of the new stay only");
        run(Mode.SEQUENTIAL, 20, 3);
        assertEquals(3, tracker.throughput(Mode.SEQUENTIAL), 1e-9, "the ten latest samples, all at 3/s");
        assertEquals(10, tracker.throughput(Mode.NATIVE), 1e-9, "another mode's stay is kept");
    }
}
