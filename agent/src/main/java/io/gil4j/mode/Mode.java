package io.gil4j.mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The execution modes, by the name the configuration, the API and the bench use. */
public enum Mode {
    /** The JVM as it is (CPython's free-threaded build): instrumentation passes through. */
    NATIVE("native", false, false),
    /** Instrumented code runs only while holding the global interpreter lock. */
    GIL("gil", true, false),
    /** One core: marked calls run one at a time on one worker, first come first served. */
    SEQUENTIAL("sequential", false, true),
    /**
     * CPython's {@code InterpreterPoolExecutor}: marked calls run on N workers, each under its own lock;
     * the rest of the program runs under the main lock, which a caller gives up while it waits.
     */
    INTERPRETERS("interpreters", true, true),
    /**
     * CPython's {@code ProcessPoolExecutor}: marked calls run in N worker JVMs, their data serialized;
     * the rest of the program runs under the main lock, which a caller gives up while it waits.
     */
    PROCESSES("processes", true, true);

    private static final Mode[] VALUES = values();

    private final String configName;
    private final boolean mainLock;
    private final boolean reroutes;

    Mode(String configName, boolean mainLock, boolean reroutes) {
        this.configName = configName;
        this.mainLock = mainLock;
        this.reroutes = reroutes;
    }

    /** True if instrumented code runs under the main interpreter lock in this mode. */
    public boolean mainLockInForce() {
        return mainLock;
    }

    /** True if calls of marked methods run elsewhere than in the caller in this mode. */
    public boolean reroutesMarkedCalls() {
        return reroutes;
    }

    /** The name as written in configuration. */
    public String configName() {
        return configName;
    }

    /**
     * The mode named exactly {@code configName}, as {@link #configName()} spells it, or null: a lookup for
     * names the agent wrote itself, with none of {@link #of}'s leniency.
     */
    public static Mode byConfigName(String configName) {
        for (Mode mode : VALUES) {
            if (mode.configName.equals(configName)) {
                return mode;
            }
        }
        return null;
    }

    /**
     * The mode named {@code name}, in any case, blanks around it ignored.
     *
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
