package io.gil4j.mode;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import io.gil4j.stats.DurationHistogram;
import io.gil4j.stats.HistogramSnapshot;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's {@link AgentRuntime}: maps what instrumented code does (enter, exit, check point, blocking
 * call) onto the current mode, and switches modes live.
 *
 * <p>In the modes with a main lock ({@link Mode#mainLockInForce()}: {@code gil}, {@code interpreters},
 * {@code processes}) the main {@link InterpreterLock} is enabled: a thread takes it at the first check point
 * it reaches without it and keeps it until it blocks, is asked to drop it, or the watchdog revokes it, as
 * a CPython thread keeps the GIL. In the others ({@code native}, {@code sequential}) the lock is disabled and
 * {@link Hooks} never calls here, except for threads that block or wake across a switch.
 *
 * <p>In the modes that reroute marked calls, {@link #offload} hands each call to {@link Rerouting} with the
 * mode it read at the call's entry, and gives up the main lock while the caller waits, as a blocking call
 * does.
 *
 * <p>The lock's code (check points, and the release at the JDK's blocking choke points) is in the selected classes only while a mode with a main
 * lock is in force ({@link LockCode}); a switch between the two kinds of mode waits until it is put in or
 * taken out.
 *
 * <p>Mode switches are serialised; each one takes effect at every thread's next check point. Disabling the
 * lock frees it, whoever holds it, and waiters leave at once. Each switch to another mode is counted and told to the
 * {@link ModeListener}s, in order.
 */
public final class ModeController implements AgentRuntime {

    private final InterpreterLock lock;
    private final Rerouting rerouting;
    private final LockCode lockCode;
    private final CopyOnWriteArrayList<ModeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Mode, DurationHistogram> switchDurations = new EnumMap<>(Mode.class);
    private final Mode initial;
    private volatile Mode mode;
    private volatile long transitions;

    /**
     * Takes over {@code lock}, reroutes marked calls through {@code rerouting}, and has {@code lockCode} put
     * the lock's code in or out as modes need it; {@link #activate} puts {@code initial} in force.
     */
    public ModeController(InterpreterLock lock, Rerouting rerouting, LockCode lockCode, Mode initial) {
        for (Mode mode : Mode.values()) {
            switchDurations.put(mode, new DurationHistogram());
        }
        this.lock = lock;
        this.rerouting = rerouting;
        this.lockCode = lockCode;
        this.initial = initial;
    }

    /**
     * Puts the initial mode in force: publishes the lock's clearance and whether marked calls are rerouted.
     * Called once, after this controller was installed behind the hooks; until then {@link #current} is null.
     */
    public void activate() {
        switchTo(initial);
    }

    /** The current mode. */
    public Mode current() {
        return mode;
    }

    /** Switches to {@code next}; a no-op if it is current. */
    public synchronized void switchTo(Mode next) {
        Mode from = mode;
        if (from == next) {
            return;
        }
        long started = System.nanoTime();
        if (next.mainLockInForce()) {
            lockCode.require(true); // the code first, then the lock: it engages everywhere at once
            mode = next;
            lock.enable();
        } else {
            mode = next;
            lock.disable(); // the lock first: no thread waits for it while its code goes
            lockCode.require(false);
        }
        Hooks.offloading(next.reroutesMarkedCalls());
        if (from == null) {
            return; // the initial mode: no switch
        }
        switchDurations.get(next).record(System.nanoTime() - started);
        transitions++; // single writer: under this monitor
        for (ModeListener listener : listeners) {
            try {
                listener.switched(from, next);
            } catch (Throwable t) {
                Hooks.recordFailure();
            }
        }
    }

    /** Switches to another mode made since start-up. */
    public long transitions() {
        return transitions;
    }

    /**
     * How long the switches to {@code mode} took, from the call until the mode was in force, its lock code
     * put in or taken out included. Readable from any thread.
     */
    public HistogramSnapshot switchDurations(Mode mode) {
        return switchDurations.get(mode).snapshot();
    }

    /** Tells {@code listener} of every later switch. */
    public void addListener(ModeListener listener) {
        listeners.add(listener);
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
        retake();
    }

    @Override
    public void threadEnds() {
        lock.releaseIfHeld(SwitchReason.EXIT);
    }

    @Override
    public void afterWaiting() {
        if (!lock.isHeldByCurrentThread()) {
            lock.acquireHoldingMonitor();
        }
    }

    /** Takes the lock back after a release, unless a check point inside the blocking call took it already. */
    private void retake() {
        if (!lock.isHeldByCurrentThread()) {
            lock.acquire();
        }
    }

    @Override
    public Offloaded offload(Class<?> type, String method, Object receiver, Object[] arguments) {
        Mode route = mode;
        if (!route.reroutesMarkedCalls()) {
            return null;
        }
        boolean released = lock.releaseIfHeld(SwitchReason.BLOCKING);
        Offloaded ran = null;
        try {
            ran = rerouting.run(route, type, method, receiver, arguments);
        } catch (Exception e) {
            throw new IllegalStateException("gil4j: could not reroute " + type.getName() + "." + method, e);
        } finally {
            if (released) {
                retakeKeeping(ran);
            }
        }
        return ran;
    }

    /**
     * Takes the lock back after the route, which returned {@code ran} (null if it threw or did not take the
     * call). A call that ran elsewhere must be delivered, or its caller would run it a second time inline:
     * then a failure to take the lock back is counted, not thrown.
     */
    private void retakeKeeping(Offloaded ran) {
        if (ran == null) {
            retake();
            return;
        }
        try {
            retake();
        } catch (Throwable t) {
            Hooks.recordFailure();
        }
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
