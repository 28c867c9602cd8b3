package io.gil4j.log;

/**
 * The agent's only output: one line per event on standard error, prefixed {@code [gil4j]}, so that it
 * never mixes with the application's standard output.
 */
public final class AgentLog {

    private AgentLog() {}

    public static void warn(String message) {
        System.err.println("[gil4j] " + message);
    }

    public static void info(String message) {
        System.err.println("[gil4j] " + message);
    }
}
