package io.gil4j.mode;

import io.gil4j.api.Mode;

/** Told of every mode switch, in order, by the {@link ModeController}. */
@FunctionalInterface
public interface ModeListener {

    /**
     * Called on the switching thread, after {@code to} is in force and while no other switch can run: must
     * be quick and must not switch modes itself. A throwable it throws is counted and otherwise ignored.
     */
    void switched(Mode from, Mode to);
}
