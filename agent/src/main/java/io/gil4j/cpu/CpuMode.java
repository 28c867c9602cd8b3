package io.gil4j.cpu;

/**
 * How a CPU spent its time, as OpenTelemetry's {@code cpu.mode} names it, and which columns of a
 * {@code /proc/stat} CPU line add up to it (counted from the first number; {@code user} includes guest
 * time, as the kernel counts it).
 */
public enum CpuMode {
    USER("user", 0),
    NICE("nice", 1),
    SYSTEM("system", 2),
    IDLE("idle", 3),
    IOWAIT("iowait", 4),
    INTERRUPT("interrupt", 5, 6),
    STEAL("steal", 7);

    private final String label;

    @SuppressWarnings("ImmutableEnumChecker") // never written after construction, never handed out
    private final int[] columns;

    CpuMode(String label, int... columns) {
        this.label = label;
        this.columns = columns;
    }

    /** The value of the {@code cpu.mode} attribute. */
    public String label() {
        return label;
    }

    long ticks(long[] line) {
        long sum = 0;
        for (int column : columns) {
            sum += column < line.length ? line[column] : 0;
        }
        return sum;
    }
}
