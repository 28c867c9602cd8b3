package io.gil4j.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what gil4j's agent wrote on a JVM's standard error: its lines start with {@value #PREFIX}; and which
 * threads of a thread dump are the agent's. Text only: test support knows the agent's output format and thread
 * names, never its classes.
 */
public final class AgentOutput {

    /** How every line of the agent begins. */
    public static final String PREFIX = "[gil4j]";

    private static final String STARTED = PREFIX + " started: ";
    /** How the names of the threads the agent or its telemetry start begin, quoted as a thread dump quotes them. */
    private static final List<String> THREAD_NAMES = List.of("\"gil4j-", "\"prometheus-http", "\"PeriodicMetricReader");

    private AgentOutput() {}

    /**
     * True for the agent's routine notes, which every run with the agent prints: its start-up line and the
     * progress of putting the lock's code in or out.
     */
    public static boolean isRoutine(String line) {
        return line.startsWith(STARTED) || line.startsWith(PREFIX + " lock code ");
    }

    /** The agent's lines among {@code stderr}, without its routine notes and without the JVM's own lines. */
    public static List<String> agentLines(Stream<String> stderr) {
        return stderr.filter(line -> line.startsWith(PREFIX) && !isRoutine(line))
                .toList();
    }

    /** The agent's start-up line among {@code stderr}; empty if it printed none. */
    public static String startLine(Stream<String> stderr) {
        return stderr.filter(line -> line.startsWith(STARTED)).findFirst().orElse("");
    }

    /**
     * The header lines of {@code threadDump} ({@code jcmd <pid> Thread.print}) that name a thread the agent or its
     * telemetry started: none once a detached agent has stopped everything.
     */
    public static List<String> agentThreads(String threadDump) {
        return threadDump
                .lines()
                .filter(line -> THREAD_NAMES.stream().anyMatch(line::startsWith))
                .toList();
    }
}
