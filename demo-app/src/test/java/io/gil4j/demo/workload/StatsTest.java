package io.gil4j.demo.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double EPSILON = 1e-12;

    @Test
    void stats_summarizes_a_known_dataset_as_numpy_and_statistics_do() {
        Summary s = Stats.summarize(new double[] {9, 4, 2, 5, 4, 7, 4, 5});
        assertEquals(8, s.count());
        assertEquals(5.0, s.mean(), EPSILON);
        assertEquals(32.0 / 7, s.variance(), EPSILON);
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(4.5, s.median(), EPSILON);
        assertEquals(7.6, s.p90(), EPSILON);
        assertEquals(8.86, s.p99(), EPSILON);
    }

    @Test
    void stats_of_one_value_has_zero_variance_and_that_value_everywhere() {
        Summary s = Stats.summarize(new double[] {3.5});
        assertEquals(new Summary(1, 3.5, 0, 3.5, 3.5, 3.5, 3.5, 3.5), s);
    }

    @Test
    void stats_summarize_leaves_its_input_unsorted() {
        double[] data = {3, 1, 2};
        Stats.summarize(data);
        assertArrayEquals(new double[] {3, 1, 2}, data);
    }

    @Test
    void stats_rejects_an_empty_dataset() {
        assertThrows(IllegalArgumentException.class, () -> Stats.summarize(new double[0]));
    }

    @Test
    void stats_generates_the_same_data_for_the_same_seed_and_other_data_for_another() {
        assertArrayEquals(Stats.generate(3, 1000), Stats.generate(3, 1000));
        assertNotEquals(Stats.generate(3, 1000)[0], Stats.generate(4, 1000)[0]);
    }

    @Test
    void stats_task_results_are_equal_for_equal_indexes_and_near_the_generating_distribution() {
        Stats stats = new Stats(Stats.SMALL_VALUES);
        Summary first = (Summary) stats.runTask(1);
        assertEquals(first, stats.runTask(1));
        assertNotEquals(first, stats.runTask(2));
        assertEquals(100, first.mean(), 1.0);
        assertEquals(225, first.variance(), 10.0);
    }
}
