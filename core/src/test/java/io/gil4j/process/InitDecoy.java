package io.gil4j.process;

import java.io.Serializable;

/**
 * Test support: serialized, then renamed to {@link InitBombs} in the bytes (same name length, same fields,
 * same serialVersionUID), so a stream of an {@code InitBombs} exists without that class ever having been
 * initialised in this JVM.
 */
public final class InitDecoy implements Serializable {

    private static final long serialVersionUID = 1L;

    final int value;

    public InitDecoy(int value) {
        this.value = value;
    }
}
