package io.gil4j.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingLawTest {

    private static final double EXACT = 1e-9;

    @Test
    void speedups_generated_by_the_law_give_back_its_parameters() {
        ScalingLaw truth = new ScalingLaw(0.05, 0.002, true);
        int[] workers = {1, 2, 3, 4, 6, 8};
        double[] speedups = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            speedups[i] = truth.speedup(workers[i]);
        }

        ScalingLaw fitted = ScalingLaw.fit(workers, speedups);

        assertEquals(0.05, fitted.contention(), EXACT);
        assertEquals(0.002, fitted.coherency(), EXACT);
        assertTrue(fitted.coherencyFitted());
        assertEquals(truth.speedup(64), fitted.speedup(64), EXACT);
    }

    @Test
    void two_workers_alone_fit_amdahls_serial_fraction_and_say_coherency_was_not_fitted() {
        ScalingLaw fitted = ScalingLaw.fit(new int[] {1, 2}, new double[] {1, 1.6});

        assertEquals(2 / 1.6 - 1, fitted.contention(), EXACT);
        assertEquals(0, fitted.coherency());
        assertFalse(fitted.coherencyFitted());
        assertEquals(1 / (2 / 1.6 - 1), fitted.speedup(1_000_000), 1e-3, "Amdahl's bound 1/σ");
    }

    @Test
    void a_superlinear_point_gives_no_negative_parameter() {
        ScalingLaw fitted = ScalingLaw.fit(new int[] {1, 2, 4}, new double[] {1, 2.1, 3.0});

        assertTrue(fitted.contention() >= 0 && fitted.coherency() >= 0, fitted.toString());
        assertEquals(0, fitted.contention());
        assertTrue(fitted.speedup(2) > 1.85 && fitted.speedup(4) < 3.5, fitted.toString());
    }

    @Test
    void throughput_falling_past_a_peak_shows_as_coherency() {
        ScalingLaw fitted = ScalingLaw.fit(new int[] {1, 2, 3, 4}, new double[] {1, 1.7, 1.9, 1.8});

        assertTrue(fitted.coherency() > 0, fitted.toString());
        assertTrue(fitted.peakWorkers() > 2 && fitted.peakWorkers() < 5, fitted.toString());
        assertTrue(fitted.speedup(64) < fitted.speedup(4), fitted.toString());
    }

    @Test
    void no_point_with_two_workers_or_arrays_of_different_lengths_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> ScalingLaw.fit(new int[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ScalingLaw.fit(new int[] {1, 2}, new double[] {1}));
    }
}
