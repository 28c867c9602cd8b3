package io.gil4j.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads and switches gil4j's execution mode from inside the application.
 *
 * <p>Without the agent every method is harmless: {@link #isAgentPresent()} is false, {@link #mode()} is
 * {@code "native"} (the JVM as it is) and {@link #switchMode} returns false. This class has no
 * dependencies; it reaches the agent through the bootstrap class loader by name.
 */
public final class Gil4j {

    /** The mode of a JVM without the agent: the JVM as it is. */
    public static final String NATIVE = "native";

    private static final MethodHandle MODE;
    private static final MethodHandle SWITCH_MODE;

    static {
        MethodHandle mode = null;
        MethodHandle switchMode = null;
        try {
            Class<?> control = Class.forName("io.gil4j.bootstrap.Control", false, null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            mode = lookup.findStatic(control, "mode", MethodType.methodType(String.class));
            switchMode = lookup.findStatic(control, "switchMode",
                    MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError absent) {
            // No agent on the bootstrap class path: every method below answers as a plain JVM would.
        }
        MODE = mode;
        SWITCH_MODE = switchMode;
    }

    private Gil4j() {}

    /** True when the gil4j agent is attached to this JVM and running. */
    public static boolean isAgentPresent() {
        return currentMode() != null;
    }

    /** The current mode's name ({@code native}, {@code gil}, …); {@code native} without the agent. */
    public static String mode() {
        String mode = currentMode();
        return mode == null ? NATIVE : mode;
    }

    /**
     * Switches every instrumented class to {@code mode}, live.
     *
     * @return true if the agent switched; false without the agent
     * @throws IllegalArgumentException if the agent does not accept {@code mode}; the message names the
     *     accepted values
     */
    public static boolean switchMode(String mode) {
        if (SWITCH_MODE == null) {
            return false;
        }
        try {
            return (boolean) SWITCH_MODE.invokeExact(mode);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String currentMode() {
        if (MODE == null) {
            return null;
        }
        try {
            return (String) MODE.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
