package io.gil4j.mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The execution modes, by the name the configuration, the API and the bench use. */
public enum Mode {
    /** The JVM as it is (CPython's free-threaded build): instrumentation passes through. */
    NATIVE("native"),
    /** Instrumented code runs only while holding the global interpreter lock. */
    GIL("gil");

    private final String configName;

    Mode(String configName) {
        this.configName = configName;
    }

    /** The name as written in configuration. */
    public String configName() {
        return configName;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values if {@code name} is no mode
     */
    public static Mode of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.configName.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "': accepted values are " + accepted());
    }

    /** The accepted names, comma-separated. */
    public static String accepted() {
        return Arrays.stream(values()).map(Mode::configName).collect(Collectors.joining(", "));
    }
}
