package io.gil4j.mode;

/**
 * Puts in and takes out the code the main lock needs in the selected classes: entry, exit and check points.
 * The modes without a main lock run none of it, so that {@code native} costs what the JVM costs; the
 * {@link ModeController} asks for it before it puts the lock in force and gives it back after it took the
 * lock out of force.
 */
@FunctionalInterface
public interface LockCode {

    /** Code that is always in place, as in tests that install it by hand: nothing to put in or take out. */
    LockCode ALWAYS = needed -> {};

    /**
     * Returns once the selected classes carry the lock's code if {@code needed}, or carry none of it if not.
     * Called under the controller's switch monitor, so calls never overlap. Must not throw.
     */
    void require(boolean needed);
}
