package io.gil4j.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what gil4j's agent wrote on a JVM's standard error: its lines start with {@value #PREFIX}. Text only:
 * test support knows the agent's output format, never its classes.
 */
public final class AgentOutput {

    /** How every line of the agent begins. */
    public static final String PREFIX = "[gil4j]";

    private static final String STARTED = PREFIX + " started: ";

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
}
