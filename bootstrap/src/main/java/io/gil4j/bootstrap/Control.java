package io.gil4j.bootstrap;

/**
 * The mode switch as the public API reaches it: by name, through the bootstrap class loader, so that the
 * API jar needs neither the agent's classes nor any dependency.
 */
public final class Control {

    private Control() {}

    /**
     * The current mode's name, as the configuration spells it. Any thread may call it.
     *
     * @return the current mode's name, or null without the agent
     */
    public static String mode() {
        AgentRuntime r = Hooks.runtime();
        return r == null ? null : r.mode();
    }

    /**
     * Switches the mode, through the installed agent. Any thread may call it; unlike {@link Hooks}, this
     * passes on what the agent throws.
     *
     * @param mode the new mode's name, as the configuration spells it
     * @return true if the agent switched the mode, false without the agent
     * @throws IllegalArgumentException if {@code mode} is not an accepted mode; the message names them
     */
    public static boolean switchMode(String mode) {
        AgentRuntime r = Hooks.runtime();
        if (r == null) {
            return false;
        }
        r.switchMode(mode);
        return true;
    }
}
