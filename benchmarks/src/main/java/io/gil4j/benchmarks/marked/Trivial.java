package io.gil4j.benchmarks.marked;

import io.gil4j.api.Offload;

/** A marked method that does nothing worth measuring, so that a call of it costs only its dispatch. */
public final class Trivial {

    private Trivial() {}

    /** Returns {@code value}; marked, so the agent reroutes it in the rerouting modes. */
    @Offload
    public static int echo(int value) {
        return value;
    }
}
