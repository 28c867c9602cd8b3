package io.gil4j.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The time each logical CPU this process may run on has spent in each {@link CpuMode} since boot, read from
 * Linux's {@code /proc/stat} and limited to the CPUs of {@code Cpus_allowed_list} in
 * {@code /proc/self/status} (a container's or {@code taskset}'s CPU set).
 *
 * <p>On other operating systems, or where {@code /proc} cannot be read, {@link #read()} returns an empty
 * reading: per-core time is then not reported (the JVM's own CPU time still is, by the runtime metrics).
 * The kernel counts in ticks of {@code USER_HZ}, 100 a second on every Linux architecture the JVM runs on.
 */
public final class CpuTimes {

    /** The kernel's {@code USER_HZ}. */
    static final long TICKS_PER_SECOND = 100;

    private static final Path STAT = Paths.get("/proc/stat");
    private static final Path STATUS = Paths.get("/proc/self/status");

    private final Map<Integer, Map<CpuMode, Long>> nanos;

    private CpuTimes(Map<Integer, Map<CpuMode, Long>> nanos) {
        this.nanos = nanos;
    }

    /** A reading now; empty where {@code /proc} is missing or unreadable. Never throws. */
    public static CpuTimes read() {
        try {
            return parse(Files.readAllLines(STAT, StandardCharsets.US_ASCII), allowed());
        } catch (IOException | RuntimeException e) {
            return new CpuTimes(Collections.emptyMap());
        }
    }

    private static BitSet allowed() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return null;
        }
        for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return parseList(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return null;
    }

    /** A CPU list such as {@code 0-3,8,10-11}. */
    static BitSet parseList(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(
                    part.substring(0, dash < 0 ? part.length() : dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    /** A reading from the lines of {@code /proc/stat}, of the CPUs in {@code allowed} (null: every CPU). */
    static CpuTimes parse(List<String> stat, BitSet allowed) {
        Map<Integer, Map<CpuMode, Long>> nanos = new TreeMap<>();
        for (String line : stat) {
            if (!line.startsWith("cpu") || line.length() < 4 || !Character.isDigit(line.charAt(3))) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            int cpu = Integer.parseInt(fields[0].substring(3));
            if (allowed != null && !allowed.get(cpu)) {
                continue;
            }
            long[] ticks = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                ticks[i - 1] = Long.parseLong(fields[i]);
            }
            Map<CpuMode, Long> modes = new EnumMap<>(CpuMode.class);
            for (CpuMode mode : CpuMode.values()) {
                modes.put(mode, mode.ticks(ticks) * (TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND));
            }
            nanos.put(cpu, modes);
        }
        return new CpuTimes(nanos);
    }

    /** The logical CPUs read, in ascending order; empty if nothing could be read. */
    public Iterable<Integer> cpus() {
        return nanos.keySet();
    }

    /** True if this reading has {@code cpu}. */
    public boolean has(int cpu) {
        return nanos.containsKey(cpu);
    }

    /** The time {@code cpu} has spent working: in every mode but idle and waiting for I/O, in nanoseconds. */
    public long busyNanos(int cpu) {
        long busy = 0;
        for (CpuMode mode : CpuMode.values()) {
            if (mode != CpuMode.IDLE && mode != CpuMode.IOWAIT) {
                busy += nanos(cpu, mode);
            }
        }
        return busy;
    }

    /** The time {@code cpu} has spent in {@code mode}, in nanoseconds. */
    public long nanos(int cpu, CpuMode mode) {
        return nanos.get(cpu).get(mode);
    }
}
