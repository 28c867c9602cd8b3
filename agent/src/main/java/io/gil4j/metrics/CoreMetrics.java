package io.gil4j.metrics;

import static io.gil4j.metrics.AttributeKeys.CPU;
import static io.gil4j.metrics.AttributeKeys.CPU_MODE;

import io.gil4j.cpu.CpuMode;
import io.gil4j.cpu.CpuTimes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

/**
 * {@code system.cpu.time} per logical CPU this process may run on, from the kernel's counters
 * ({@link CpuTimes}); on an operating system without {@code /proc/stat} the metric has no points.
 */
final class CoreMetrics {

    private CoreMetrics() {}

    static void register(Meter meter) {
        meter.counterBuilder("system.cpu.time")
                .ofDoubles()
                .setUnit("s")
                .setDescription("Seconds each logical CPU this process may run on spent in each mode")
                .buildWithCallback(counter -> {
                    CpuTimes times = CpuTimes.read();
                    for (int cpu : times.cpus()) {
                        for (CpuMode mode : CpuMode.values()) {
                            counter.record(
                                    HistogramExport.seconds(times.nanos(cpu, mode)),
                                    Attributes.of(CPU, (long) cpu, CPU_MODE, mode.label()));
                        }
                    }
                });
    }
}
