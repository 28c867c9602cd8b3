package io.gil4j.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-core utilization between the two latest {@link #sample() samples} of the kernel's per-CPU counters,
 * for the CPUs this process may run on: busy time (all but idle and I/O wait) over all time, 0 to 1. One
 * sampler thread calls {@link #sample()}; any thread reads {@link #latest()}.
 */
public final class CoreUtilization {

    private CpuTimes previous = CpuTimes.read();
    private volatile Map<Integer, Double> latest = Map.of();

    /**
     * Reads the counters and computes the utilization since the previous sample. Never throws (it runs on
     * a scheduled ticker, which a throw would stop): a CPU missing from either reading is left out.
     */
    public void sample() {
        CpuTimes now = CpuTimes.read();
        try {
            latest = utilization(previous, now);
        } catch (RuntimeException e) {
            latest = Map.of();
        } finally {
            previous = now;
        }
    }

    private static Map<Integer, Double> utilization(CpuTimes previous, CpuTimes now) {
        Map<Integer, Double> utilization = new LinkedHashMap<>();
        for (int cpu : now.cpus()) {
            if (!previous.has(cpu)) {
                continue;
            }
            long busy = now.busyNanos(cpu) - previous.busyNanos(cpu);
            long idle = 0;
            for (CpuMode mode : List.of(CpuMode.IDLE, CpuMode.IOWAIT)) {
                idle += now.nanos(cpu, mode) - previous.nanos(cpu, mode);
            }
            if (busy + idle > 0) {
                utilization.put(cpu, Math.max(0, Math.min(1, busy / (double) (busy + idle))));
            }
        }
        return utilization;
    }

    /** CPU number to utilization over the latest sampling period; empty before two samples or without /proc. */
    public Map<Integer, Double> latest() {
        return latest;
    }
}
