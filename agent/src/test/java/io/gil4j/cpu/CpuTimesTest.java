package io.gil4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    private static final List<String> STAT = List.of(
            "cpu  300 10 200 9000 40 5 6 7 0 0",
            "cpu0 100 0 50 4000 10 1 2 3 0 0",
            "cpu1 150 10 100 3000 20 3 3 4 0 0",
            "cpu3 50 0 50 2000 10 1 1 0 0 0",
            "intr 1 2 3",
            "ctxt 12345");

    @Test
    void cpu_lists_read_as_the_kernel_writes_them() {
        BitSet cpus = CpuTimes.parseList("0-2,5,7-8");
        assertEquals("{0, 1, 2, 5, 7, 8}", cpus.toString());
    }

    @Test
    void each_allowed_cpu_line_is_read_in_nanoseconds_per_mode() {
        BitSet allowed = CpuTimes.parseList("0-1");
        CpuTimes times = CpuTimes.parse(STAT, allowed);

        List<Integer> cpus = new ArrayList<>();
        times.cpus().forEach(cpus::add);
        assertEquals(List.of(0, 1), cpus, "cpu3 is not allowed; the aggregate line is skipped");
        long tick = TimeUnit.SECONDS.toNanos(1) / CpuTimes.TICKS_PER_SECOND;
        assertEquals(150 * tick, times.nanos(1, CpuMode.USER));
        assertEquals(10 * tick, times.nanos(1, CpuMode.NICE));
        assertEquals(3000 * tick, times.nanos(1, CpuMode.IDLE));
        assertEquals(6 * tick, times.nanos(1, CpuMode.INTERRUPT), "irq and softirq");
        assertEquals(4 * tick, times.nanos(1, CpuMode.STEAL));
    }

    @Test
    void without_an_allowed_list_every_cpu_is_read() {
        List<Integer> cpus = new ArrayList<>();
        CpuTimes.parse(STAT, null).cpus().forEach(cpus::add);
        assertEquals(List.of(0, 1, 3), cpus);
    }
}
