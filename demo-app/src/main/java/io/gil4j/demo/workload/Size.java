package io.gil4j.demo.workload;

import java.util.Locale;

/** How much work one task does: {@link #DEFAULT} for measurements, {@link #SMALL} for tests and smoke runs. */
public enum Size {
    /** About a hundredth of the default: milliseconds per task. */
    SMALL,
    /** Roughly 0.15–0.3 s per CPU-bound task in plain Java on the reference machine (2 cores). */
    DEFAULT;

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
