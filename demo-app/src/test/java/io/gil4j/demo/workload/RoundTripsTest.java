package io.gil4j.demo.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RoundTripsTest {

    @Test
    void io_task_returns_the_sum_of_the_values_echoed_back() throws Exception {
        try (RoundTrips io = RoundTrips.start(5, 0)) {
            long expected = 5L * (3L << 32) + (0 + 1 + 2 + 3 + 4);
            assertEquals(expected, io.runTask(3));
            assertEquals(expected, io.runTask(3));
        }
    }

    @Test
    void io_tasks_wait_at_least_the_latency_of_each_round_trip() throws Exception {
        try (RoundTrips io = RoundTrips.start(4, 5)) {
            long start = System.nanoTime();
            io.runTask(0);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(true, millis >= 20, "took " + millis + " ms for 4 trips of 5 ms");
        }
    }

    @Test
    void io_task_fails_once_the_workload_is_closed() throws Exception {
        RoundTrips io = RoundTrips.start(1, 0);
        io.close();
        assertThrows(IOException.class, () -> io.runTask(0));
    }

    @Test
    void io_rejects_no_round_trips() {
        assertThrows(IllegalArgumentException.class, () -> RoundTrips.start(0, 1));
    }
}
