package io.gil4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedupIntervalTest {

    @Test
    void equal_ratios_give_a_point_interval() {
        SpeedupInterval interval = SpeedupInterval.of(List.of(2.0, 2.0, 2.0));
        assertEquals(2.0, interval.estimate(), 1e-12);
        assertEquals(2.0, interval.low(), 1e-12);
        assertEquals(2.0, interval.high(), 1e-12);
    }

    @Test
    void two_rounds_use_students_t_with_one_degree_of_freedom_on_the_logarithms() {
        // log ratios +0.1 and -0.1: mean 0, standard error 0.1, t(0.975, 1) = 12.706
        SpeedupInterval interval = SpeedupInterval.of(List.of(Math.exp(0.1), Math.exp(-0.1)));
        assertEquals(1.0, interval.estimate(), 1e-12);
        assertEquals(Math.exp(-1.2706), interval.low(), 1e-9);
        assertEquals(Math.exp(1.2706), interval.high(), 1e-9);
    }

    @Test
    void the_estimate_is_the_geometric_mean_and_the_interval_narrows_with_rounds() {
        SpeedupInterval few = SpeedupInterval.of(List.of(1.8, 2.2, 2.0));
        SpeedupInterval many = SpeedupInterval.of(List.of(1.8, 2.2, 2.0, 1.8, 2.2, 2.0, 1.8, 2.2, 2.0));
        assertEquals(Math.cbrt(1.8 * 2.2 * 2.0), few.estimate(), 1e-12);
        assertTrue(few.contains(2.0) && many.contains(2.0));
        assertTrue(many.high() - many.low() < few.high() - few.low());
    }

    @Test
    void fewer_than_two_rounds_or_an_empty_mode_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(List.of(2.0)));
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(List.of(2.0, 0.0)));
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(List.of(2.0, Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(List.of(2.0, Double.NaN)));
    }

    @Test
    void t_falls_back_to_the_normal_beyond_thirty_degrees_of_freedom() {
        assertEquals(12.706, SpeedupInterval.t975(1));
        assertEquals(2.042, SpeedupInterval.t975(30));
        assertEquals(1.96, SpeedupInterval.t975(31));
    }
}
