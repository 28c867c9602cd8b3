package io.gil4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.mode.LockCode;
import io.gil4j.mode.ModeController;
import io.gil4j.mode.Rerouting;
import io.gil4j.stats.HistogramSnapshot;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An experiment against a simulated service whose marked calls end at a fixed rate per mode, on a clock the
 * test advances: the measured throughputs, the speedup and its interval are exact.
 */
class ExperimentTest {

    private final ModeController modes = new ModeController(
            new InterpreterLock(
                    Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.OFF),
            Rerouting.INLINE,
            LockCode.ALWAYS,
            Mode.NATIVE);

    ExperimentTest() {
        modes.activate();
    }

    /**
     * Time passes only in sleep; calls end at {@code rate(current mode)} a second meanwhile, and each engages
     * its mode (takes the lock, runs in a pool) unless the mode is in {@code neverEngaged}.
     */
    private final class SimulatedService implements Experiment.Clock, Experiment.MarkedCalls {
        private final Map<Mode, Double> rates;
        private final Set<Mode> neverEngaged;
        private final Map<Mode, Long> engagements = new EnumMap<>(Mode.class);
        private long now;
        private double completed;

        SimulatedService(Map<Mode, Double> rates) {
            this(rates, Set.of());
        }

        SimulatedService(Map<Mode, Double> rates, Set<Mode> neverEngaged) {
            this.rates = rates;
            this.neverEngaged = neverEngaged;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
            Mode mode = modes.current();
            double calls = rates.get(mode) * nanos / 1e9;
            completed += calls;
            if (!neverEngaged.contains(mode)) {
                engagements.merge(mode, Math.round(calls), Long::sum);
            }
        }

        @Override
        public long engagements(Mode mode) {
            return mode == Mode.NATIVE ? -1 : engagements.getOrDefault(mode, 0L);
        }

        @Override
        public long completed() {
            return Math.round(completed);
        }

        @Override
        public HistogramSnapshot durations(Mode mode) {
            return HistogramSnapshot.EMPTY;
        }
    }

    @Test
    void alternates_a_and_b_and_reports_b_over_a_with_its_interval_then_restores_the_mode() {
        modes.switchTo(Mode.SEQUENTIAL);
        SimulatedService service = new SimulatedService(Map.of(Mode.GIL, 10.0, Mode.INTERPRETERS, 19.0));
        Experiment experiment =
                new Experiment(new Experiment.Plan(Mode.GIL, Mode.INTERPRETERS, 10, 2, 3), modes, service, service);

        experiment.run();

        Map<String, Object> json = experiment.json();
        assertEquals("done", json.get("state"), json.toString());
        assertEquals(1.9, (Double) json.get("speedup"), 1e-9);
        assertEquals(1.9, (Double) json.get("low"), 1e-9);
        assertEquals(1.9, (Double) json.get("high"), 1e-9);
        List<?> stays = (List<?>) json.get("stays");
        assertEquals(6, stays.size());
        assertEquals(
                List.of("gil", "interpreters", "gil", "interpreters", "gil", "interpreters"),
                stays.stream().map(s -> ((Map<?, ?>) s).get("mode")).toList());
        assertEquals(10.0, ((Map<?, ?>) stays.get(0)).get("throughput"));
        assertEquals(Mode.SEQUENTIAL, modes.current(), "the mode found before the experiment is back");
        assertTrue(!experiment.running());
    }

    @ParameterizedTest
    @CsvSource({
        "GIL, the lock was never taken during the gil stays",
        "INTERPRETERS, no marked call ran in a pool during the interpreters stays"
    })
    void an_arm_that_never_engaged_its_mode_gives_no_result_and_says_why(Mode idle, String reason) {
        SimulatedService service = new SimulatedService(Map.of(Mode.GIL, 10.0, Mode.INTERPRETERS, 19.0), Set.of(idle));
        Experiment experiment =
                new Experiment(new Experiment.Plan(Mode.GIL, Mode.INTERPRETERS, 1, 0, 2), modes, service, service);

        experiment.run();

        Map<String, Object> json = experiment.json();
        assertEquals("failed", json.get("state"), json.toString());
        assertTrue(String.valueOf(json.get("error")).contains(reason), json.toString());
        assertEquals(null, json.get("speedup"), json.toString());
        assertEquals(null, experiment.outcome());
    }

    @Test
    void a_mode_without_marked_calls_fails_the_experiment_and_still_restores_the_mode() {
        SimulatedService service = new SimulatedService(Map.of(Mode.GIL, 0.0, Mode.NATIVE, 5.0));
        Experiment experiment =
                new Experiment(new Experiment.Plan(Mode.GIL, Mode.NATIVE, 1, 0, 2), modes, service, service);
        experiment.run();
        assertEquals("failed", experiment.json().get("state"));
        assertTrue(String.valueOf(experiment.json().get("error")).contains("without marked calls"));
        assertEquals(Mode.NATIVE, modes.current());
    }

    @Test
    void plans_name_two_different_modes_and_sensible_durations() {
        Experiment.Plan plan = Experiment.Plan.of(Map.of("a", "gil", "b", "interpreters"));
        assertEquals(new Experiment.Plan(Mode.GIL, Mode.INTERPRETERS, 10, 2, 5), plan);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("a", "gil"),
                Map.of("a", "gil", "b", "gil"),
                Map.of("a", "gil", "b", "turbo"),
                Map.of("a", "gil", "b", "native", "rounds", 1.0),
                Map.of("a", "gil", "b", "native", "rounds", 2.5),
                Map.of("a", "gil", "b", "native", "dwellSeconds", 0.0),
                Map.of("a", "gil", "b", "native", "extra", 1.0),
                Map.of("a", 1.0, "b", "native"))) {
            assertThrows(IllegalArgumentException.class, () -> Experiment.Plan.of(bad), bad.toString());
        }
    }
}
