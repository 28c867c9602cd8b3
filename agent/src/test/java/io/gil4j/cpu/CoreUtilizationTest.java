package io.gil4j.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoreUtilizationTest {

    @Test
    void utilization_of_each_allowed_cpu_lies_between_0_and_1_after_two_samples() {
        CoreUtilization cores = new CoreUtilization();
        long end = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait(); // let the kernel's counters move
        }
        cores.sample();
        assertTrue(!cores.latest().isEmpty(), "read /proc/stat on Linux");
        cores.latest().values().forEach(u -> assertTrue(u >= 0 && u <= 1, "utilization " + u));
    }
}
