package io.gil4j.bootstrap;

/**
 * How a marked call ended on the worker that ran it: a value or a throwable, and the mode whose route ran
 * it. The offload advice returns it from the method in place of the skipped body.
 */
public final class Offloaded {

    private final String mode;
    private final Object value;
    private final Throwable thrown;

    private Offloaded(String mode, Object value, Throwable thrown) {
        this.mode = mode;
        this.value = value;
        this.thrown = thrown;
    }

    /**
     * A call that returned {@code value} on the route of {@code mode}.
     *
     * @param mode the name of the mode whose route ran the call, as the configuration spells it
     * @param value what the call returned, boxed for primitive return types, null for {@code void}
     * @return the outcome, to be returned by the caller
     */
    public static Offloaded returned(String mode, Object value) {
        return new Offloaded(mode, value, null);
    }

    /**
     * A call that threw {@code thrown} on the route of {@code mode}.
     *
     * @param mode the name of the mode whose route ran the call, as the configuration spells it
     * @param thrown what the call threw, already rewritten to be thrown in the caller
     * @return the outcome, to be thrown by the caller
     */
    public static Offloaded threw(String mode, Throwable thrown) {
        return new Offloaded(mode, null, thrown);
    }

    /**
     * The mode whose route ran the call.
     *
     * @return the mode's name, as the configuration spells it
     */
    public String mode() {
        return mode;
    }

    /**
     * What the call returned.
     *
     * @return the value, boxed for primitive return types, or null if the call threw or returns {@code void}
     */
    public Object value() {
        return value;
    }

    /**
     * What the call threw.
     *
     * @return the throwable, or null if the call returned
     */
    public Throwable thrown() {
        return thrown;
    }
}
