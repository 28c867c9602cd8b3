package io.gil4j.control;

/**
 * The agent's control for JMX clients (JConsole, JDK Mission Control), registered as
 * {@value JmxControl#NAME}: the mode as a read-write attribute, and the statistics of {@code GET /status}.
 * Setting an unknown mode fails with an {@link IllegalArgumentException} naming the accepted modes, and
 * leaves the mode unchanged. JMX's own access control (local attach, or {@code com.sun.management.jmxremote.*}
 * with authentication) guards it.
 */
public interface ControlMXBean {

    /** The current mode. */
    String getMode();

    /** Switches the mode. */
    void setMode(String mode);

    /** The accepted modes. */
    String[] getModes();

    /** Mode switches since start-up. */
    long getTransitions();

    /** The current mode's speedup over the baseline; NaN while unknown. */
    double getSpeedup();

    /** The whole status, as JSON ({@code GET /status}). */
    String getStatusJson();
}
