package io.gil4j.advice;

import io.gil4j.cpu.CpuTimes;
import java.lang.management.ManagementFactory;

/**
 * How many of the cores this JVM may run on other processes kept busy since a start: the busy time of those
 * cores ({@code /proc/stat}, all but idle and I/O wait) less this process's CPU time, per second of wall
 * time. A reroute can only use the cores that are left. 0 where the JVM or the system does not say.
 */
final class OtherLoad {

    private final CpuTimes cpus;
    private final long processNanos;
    private final long wallNanos;

    private OtherLoad(CpuTimes cpus, long processNanos, long wallNanos) {
        this.cpus = cpus;
        this.processNanos = processNanos;
        this.wallNanos = wallNanos;
    }

    /** Starts counting now. */
    static OtherLoad start() {
        return new OtherLoad(CpuTimes.read(), processCpuNanos(), System.nanoTime());
    }

    /** The cores other processes kept busy on average since {@link #start()}, 0 or more. */
    double cores() {
        CpuTimes now = CpuTimes.read();
        long process = processCpuNanos();
        long wall = System.nanoTime() - wallNanos;
        if (process < 0 || processNanos < 0 || wall <= 0) {
            return 0;
        }
        long busy = 0;
        for (int cpu : now.cpus()) {
            if (cpus.has(cpu)) {
                busy += now.busyNanos(cpu) - cpus.busyNanos(cpu);
            }
        }
        return Math.max(0, (busy - (process - processNanos)) / (double) wall);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
                : -1;
    }
}
