package io.gil4j.gil;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands an {@link InterpreterLock} on when its holder has made no check-point progress for two ticks
 * while others wait — like Go's sysmon retaking a processor from a goroutine stuck in a system call.
 *
 * <h2>Design</h2>
 *
 * <p>One daemon thread wakes every tick (the lock's switch interval, but at least {@link #MIN_TICK_NANOS})
 * and reads the lock's {@link InterpreterLock#progressMark()}. Once a waiter has asked the holder to drop
 * the lock (after one interval of waiting; {@link InterpreterLock#awaitsHolderProgress()}), a mark that
 * stays the same for two further ticks means the holder neither took the lock again nor reached a slow
 * check point although it was asked to. (Counting from mere contention instead would take the lock from a
 * holder running guarded code whenever the waiter itself was slow to ask.) The holder is blocked where the
 * instrumentation cannot see — a class initialiser run by another thread, a monitor or a lock the
 * instrumentation does not wrap — or works in uninstrumented code, or is merely waiting for a CPU.
 * {@link StalledHolder} tells them apart: a holder parked or blocked in the JVM's view is out of sight and
 * loses the lock at once; one that uses CPU time works, as a C extension under CPython's GIL, and keeps it;
 * a runnable holder that used no CPU may just be descheduled (revoking it would let a waiter into the middle of its critical section, which
 * CPython never does), so it keeps the lock until it has stalled for {@link StalledHolder#PATIENCE_NANOS}.
 * The watchdog then {@linkplain InterpreterLock#revoke revokes} the lock, which re-checks the same
 * conditions under the lock's mutex, so a holder that moved on in the meantime keeps its lock. The revoked
 * holder takes the lock back at its next check point.
 *
 * <p>Each tick also {@linkplain InterpreterLock#sampleHold samples} whether the lock is held, which is how the
 * lock's hold time is measured without a clock read on its fast paths.
 *
 * <p>Further locks can be {@linkplain #watch watched} by the same thread at the same tick (the interpreters'
 * locks, so that their hold time is sampled too); each has its own progress record, and the watchdog is
 * the only thread that calls {@link InterpreterLock#sampleHold} on any lock it watches.
 *
 * <p>Cost while nothing is contended: one wake-up per tick; while none of its locks is enabled (the
 * {@code native} mode), one wake-up per {@link #IDLE_NANOS}, or at {@link #wake()}. The thread never holds a
 * lock's mutex across a tick and never runs guarded code. {@link #close()} stops and joins it.
 */
public final class LockWatchdog implements AutoCloseable {

    /** Ticks never come faster than this, whatever the switch interval: parking is not precise below it. */
    public static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** How long the watchdog parks while none of its locks is enabled; {@link #wake()} ends that park early. */
    public static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long tickNanos;
    private final Thread thread;
    private final CopyOnWriteArrayList<Watched> watched = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private LockWatchdog(InterpreterLock lock, String name) {
        this.tickNanos = Math.max(lock.intervalNanos(), MIN_TICK_NANOS);
        this.thread = new Thread(this::watch, name);
        thread.setDaemon(true);
        watched.add(new Watched(lock));
    }

    /** Starts a watchdog over {@code lock}, ticking at its switch interval, on a daemon thread called {@code name}. */
    public static LockWatchdog start(InterpreterLock lock, String name) {
        LockWatchdog watchdog = new LockWatchdog(lock, name);
        watchdog.thread.start();
        return watchdog;
    }

    /** Watches {@code lock} too, from the next tick on, at this watchdog's tick; any thread, any time. */
    public void watch(InterpreterLock lock) {
        watched.add(new Watched(lock));
        wake();
    }

    /**
     * Ends an idle park at once: to be called after a watched lock is enabled, so that its first tick comes
     * one tick later, not up to {@link #IDLE_NANOS} later. Any thread, any time.
     */
    public void wake() {
        LockSupport.unpark(thread);
    }

    private void watch() {
        long lastTick = System.nanoTime();
        while (running) {
            boolean idle = watched.stream().noneMatch(w -> w.lock.isEnabled());
            LockSupport.parkNanos(this, idle ? IDLE_NANOS : tickNanos);
            long tick = System.nanoTime();
            if (!idle) {
                for (Watched lock : watched) {
                    lock.tick(tick, tick - lastTick);
                }
            }
            lastTick = tick;
        }
    }

    /** One watched lock and its progress record, read and written by the watchdog thread only. */
    private static final class Watched {

        private final InterpreterLock lock;
        private long mark;
        private int unchangedTicks = -1; // -1: not contended at the last tick
        private StalledHolder stalled;

        Watched(InterpreterLock lock) {
            this.lock = lock;
        }

        void tick(long now, long elapsedNanos) {
            lock.sampleHold(elapsedNanos);
            if (!lock.awaitsHolderProgress()) {
                unchangedTicks = -1;
                return;
            }
            long progress = lock.progressMark();
            if (unchangedTicks < 0 || progress != mark) {
                mark = progress;
                unchangedTicks = 0;
                stalled = new StalledHolder(lock.owner(), now);
            } else if (++unchangedTicks >= 2 && stalled.isOutOfSight(now)) {
                lock.revoke(mark);
                unchangedTicks = -1;
            }
        }
    }

    /** Stops the watchdog and waits for its thread to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
