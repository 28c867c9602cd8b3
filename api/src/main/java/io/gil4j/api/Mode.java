package io.gil4j.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * gil4j's execution modes, each with the name that the agent's {@code mode} option, its control endpoints
 * and the bench spell it ({@link #configName()}). The agent bundles its own copy of this enum, so the agent
 * and this API agree on the names; between them a mode crosses the bootstrap class loader as its name.
 */
public enum Mode {
    /** The JVM as it is (CPython's free-threaded build): instrumentation passes through. */
    NATIVE("native", false, false),
    /** Instrumented code runs only while holding the global interpreter lock. */
    GIL("gil", true, false),
    /** One core: marked calls run one at a time on one worker, first come first served. */
    SEQUENTIAL("sequential", false, true),
    /**
     * CPython's {@code InterpreterPoolExecutor}: marked calls run on N workers, each under its own lock; the
     * rest of the program runs under the main lock, which a caller gives up while it waits.
     */
    INTERPRETERS("interpreters", true, true),
    /**
     * CPython's {@code ProcessPoolExecutor}: marked calls run in N worker JVMs, their data serialized; the
     * rest of the program runs under the main lock, which a caller gives up while it waits.
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

    /**
     * Whether instrumented code runs under the main interpreter lock in this mode: in {@code gil},
     * {@code interpreters} and {@code processes}.
     *
     * @return true if every instrumented thread holds the main lock while it runs instrumented code
     */
    public boolean mainLockInForce() {
        return mainLock;
    }

    /**
     * Whether calls of marked methods ({@link Offload}, or {@code gil4j.offload}) run elsewhere than in
     * their caller in this mode: in {@code sequential}, {@code interpreters} and {@code processes}.
     *
     * @return true if the agent runs marked calls on its workers, false if they run inline
     */
    public boolean reroutesMarkedCalls() {
        return reroutes;
    }

    /**
     * The mode's name as the configuration writes it, lower-case: the spelling {@link #of} reads back.
     *
     * @return the name, such as {@code interpreters}
     */
    public String configName() {
        return configName;
    }

    /**
     * The mode named {@code name}, read leniently: surrounding white space and case are ignored.
     *
     * @param name a mode's name, as {@link #configName()} spells it
     * @return the mode of that name
     * @throws IllegalArgumentException if {@code name} is null or names no mode; the message names the
     *     accepted values
     */
    public static Mode of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : VALUES) {
            if (mode.configName.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "': accepted values are " + accepted());
    }

    /**
     * The names {@link #of} accepts, for messages and help texts.
     *
     * @return every mode's {@link #configName()}, in declaration order, comma-separated
     */
    public static String accepted() {
        return Arrays.stream(VALUES).map(Mode::configName).collect(Collectors.joining(", "));
    }
}
