package io.gil4j.mode;

import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;

/**
 * The agent's {@link AgentRuntime}: maps what instrumented code does (enter, exit, check point, blocking
 * call) onto the current mode, and switches modes live.
 *
 * <p>In {@link Mode#GIL} the main {@link InterpreterLock} is enabled: a thread takes it at its outermost
 * instrumented frame and gives it up when that frame exits, at a requested drop, and around blocking
 * calls. In {@link Mode#NATIVE} the lock is disabled and {@link Hooks} never calls here, except for
 * threads still unwinding frames they entered under the lock.
 *
 * <p>Mode switches are serialised; each one takes effect at every thread's next check point. A thread
 * holding the lock when it is disabled keeps it until it releases, which harms nobody because no one
 * waits for a disabled lock; waiters leave at once.
 */
public final class ModeController implements AgentRuntime {

    private final InterpreterLock lock;
    private volatile Mode mode;

    /** Takes over {@code lock} and puts {@code initial} in force. */
    public ModeController(InterpreterLock lock, Mode initial) {
        this.lock = lock;
        switchTo(initial);
    }

    /** The current mode. */
    public Mode current() {
        return mode;
    }

    /** Switches to {@code next}; a no-op if it is current. */
    public synchronized void switchTo(Mode next) {
        mode = next;
        if (next == Mode.GIL) {
            lock.enable();
        } else {
            lock.disable();
        }
    }

    @Override
    public int enter() {
        if (lock.isHeldByCurrentThread()) {
            lock.checkpoint();
            return Hooks.NESTED;
        }
        return lock.acquire() ? Hooks.OUTER : Hooks.NONE;
    }

    @Override
    public void exitOuter() {
        lock.release(SwitchReason.EXIT);
    }

    @Override
    public void exitUnowned() {
        lock.release(SwitchReason.EXIT);
    }

    @Override
    public void checkpoint() {
        lock.checkpoint();
    }

    @Override
    public boolean beforeBlocking() {
        return lock.releaseIfHeld(SwitchReason.BLOCKING);
    }

    @Override
    public void afterBlocking() {
        lock.acquire();
    }

    @Override
    public String mode() {
        return mode.configName();
    }

    @Override
    public void switchMode(String name) {
        switchTo(Mode.of(name));
    }
}
