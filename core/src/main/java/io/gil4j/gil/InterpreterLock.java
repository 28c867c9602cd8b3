package io.gil4j.gil;

import io.gil4j.stats.DurationHistogram;
import io.gil4j.stats.HistogramSnapshot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock that hands itself over the way CPython's does.
 *
 * <h2>Design</h2>
 *
 * <p><b>State.</b> {@code owner} is the thread that holds the lock, or null; it changes only by CAS, so a
 * release by a thread that no longer owns the lock (the watchdog revoked it) cannot free someone else's.
 * Everything else that waiters coordinate on lives under one internal {@code mutex}: the number of
 * {@code waiters}, the {@code dropRequest}, the {@code enabled} flag, and the two conditions:
 * {@code available} (the lock was freed) and {@code switched} (another thread took it: CPython's
 * {@code switch_cond}). {@code switchNumber} counts hand-overs to a thread other than the last holder.
 *
 * <p><b>Fast paths.</b> Taking a free lock is one CAS; releasing with nobody waiting is one CAS. The
 * releaser clears {@code owner} and then reads {@code waiters}; a waiter increments {@code waiters} and then
 * reads {@code owner}. Both are volatile, so at least one of them sees the other: either the waiter finds
 * the lock free, or the releaser takes the mutex and signals, and the waiter holds the mutex from its
 * increment until it is inside {@code await}, so that signal cannot be lost.
 *
 * <p><b>Hand-over ({@link Algorithm#NEW}).</b> A waiter waits one interval (at most
 * {@value #TIMED_WAITERS} at a time do; any more wait until woken: a release wakes one, and so does a timed
 * waiter that stops waiting while untimed ones remain). If it timed out, the lock is still held, and {@code switchNumber} did not move meanwhile, it sets {@code dropRequest}. The holder sees
 * the request at its next {@link #checkpoint()}, releases, and waits on {@code switched} until another
 * thread has taken the lock (forced switching), so it cannot take it straight back. The taker resets the
 * request. A release around a blocking call or at the end of guarded work never waits. Waiters are woken one at a time
 * and nothing is FIFO: a thread arriving at a free lock takes it, as in CPython.
 *
 * <p><b>Hand-over ({@link Algorithm#LEGACY}).</b> Waiters wait without a timeout; the holder releases and
 * re-takes the lock every {@code checkInterval} check points while anyone waits, without forced switching,
 * so on a multicore machine it usually wins its own lock back.
 *
 * <p><b>Clearance.</b> After each change the lock tells its {@link ClearanceListener} which thread may pass
 * check points without calling it (the holder, when no drop is pending and the algorithm is NEW). Every
 * publication happens under the mutex except two. A fast-path taker publishes itself and then re-reads
 * {@code dropRequest}, {@code enabled} and {@code owner}: a waiter or {@link #disable()} writes the first two,
 * and {@link #revoke} frees {@code owner}, before it publishes, so one of the two sees the other and the last
 * publication is right; a taker that sees any of them settles under the mutex, where one revoked since its
 * CAS publishes the lock's state and runs on as a revoked holder does. Without the {@code owner} re-read, a
 * taker revoked between its CAS and its publication could stay cleared with the lock free (or held by the
 * waiter the revocation was for, if it published first), passing its check points without the lock until
 * another publication named someone else (jcstress {@code RevokeVersusFastPathTake}: 284 of 753 702
 * samples); the re-read is one volatile load of the field its CAS just wrote. A fast-path releaser publishes
 * "nobody" before it frees the lock, and may race a publication under the mutex that read the old owner or
 * {@code enabled}; so every publication under the mutex is bracketed by two increments of
 * {@code publications} (odd while one is under way, as in a seqlock), and the releaser, after freeing the
 * lock, publishes again under the mutex if that counter was odd or moved since before its own publication.
 * (jcstress: {@code ClearanceStress}, {@code RevokeVersusFastPathTake}.)
 *
 * <p><b>A holder blocked where no hook is, or ended.</b> CPython releases the GIL around every blocking call
 * of its standard library and its lock acquisition; a Java monitor, and a wait, sleep or park that the JDK
 * or a library outside the selection makes, cannot all be hooked that way, so the waiters do it: a
 * contended taker that finds the holder {@code BLOCKED} (entering a monitor), {@code WAITING} or
 * {@code TIMED_WAITING} (and not queued for this lock's own mutex, as a releasing holder may briefly be)
 * frees the lock, as a release around blocking, and takes it;
 * one that finds the holder {@code TERMINATED} (a thread keeps the lock through returns, so a virtual
 * thread of a thread-per-task executor ends holding it) frees it as an exit. A taker looks when it arrives
 * and at each wake-up; a waiter that holds a monitor the holder may need — it returned from
 * {@code Object.wait}, {@link #acquireHoldingMonitor()} — also looks every {@value #WATCH_SLICE_NANOS} ns
 * while it waits, since otherwise the holder waits for the monitor and the waiter for the lock until the
 * watchdog revokes it, once per hand-over of a {@code synchronized} queue. The freed holder runs on to its
 * next check point without the lock, as after a revocation.
 *
 * <p><b>Revocation.</b> {@link #revoke(long)} lets a {@link LockWatchdog} free the lock of a holder that made
 * no progress (no acquisition, no slow check point) while others waited; the holder finds out at its next
 * check point, where it is no longer {@code owner}, and takes the lock again before running on. It reaches
 * that check point only if it is not cleared: so a fast-path taker revoked before it published its clearance
 * must not stay cleared (see "Clearance").
 *
 * <p><b>Release around blocking.</b> {@link #releaseIfHeld} may be called from inside any park of the JVM,
 * this lock's own included: the holder can queue for the mutex (in {@link #release}, or to republish), and
 * its park must not release, since that release would queue for the mutex again from inside the queue. So
 * it releases only a caller that neither holds nor is queued for the mutex.
 *
 * <p><b>Counters.</b> Readers ({@link #stats()}, {@link #progressMark()}) read them with opaque loads without
 * stopping anyone: never a torn or stale-forever value. Writers:
 * <ul>
 *   <li>Under the mutex, so one at a time: contended acquisitions and the wait histogram (only a contended
 *       taker, which holds the mutex, writes them) and drop requests. Hold time has one writer, a sampler
 *       ({@link #sampleHold(long)}, called by the {@link LockWatchdog} every tick), so that the fast paths
 *       never read the clock. These use opaque read-then-store.
 *   <li>By the holder without the mutex: acquisitions and switches (a fast-path taker's {@code taken}) and
 *       slow check points. A holder checks that it is the {@code owner} and then counts, and
 *       {@link #revoke}, {@link #disable()} or a taker freeing a holder that cannot run may free the lock
 *       between the two; the old holder's count then lands while a new holder counts too. So these use
 *       one atomic add ({@code COUNTS.getAndAdd}): no count is lost, neither the old holder's nor the new
 *       one's. A lost count would matter: the watchdog takes an unchanged {@link #progressMark()} as "no
 *       progress", and a stale store could set the mark back to a value it saw, so that it revoked a holder
 *       that was making progress. The atomic add costs nothing on the clearance fast path (the instrumented
 *       check point that passes without calling {@link #checkpoint()}); it runs once per acquisition, next
 *       to the CAS on {@code owner}, and once per slow check point, which under NEW takes the mutex anyway.
 *       (jcstress: {@code RevokeVersusCheckpoint}, {@code CountersAfterRevocation}.)
 *   <li>The holder's plain fields {@code lastHolder}, {@code lastRelease} and {@code ticks} stay plain, and
 *       the same revocation window makes them racy, benignly: the old holder's {@code lastRelease} (written
 *       in {@link #release} after its ownership check) may overwrite {@code WATCHDOG}, or the null that
 *       {@link #disable()} leaves, so that the next switch is counted under the old holder's reason (the
 *       switches by reason still add up to the switches; one is filed under the wrong reason); its
 *       {@code lastHolder} may make the new holder's next re-take count as one more switch; its
 *       {@code ++ticks} (LEGACY) may move the new holder's next re-take by one check interval. Each needs a
 *       revocation inside a window of a few instructions, each costs one count or one interval once, and
 *       none touches the lock's state ({@code owner}, {@code waiters}, {@code dropRequest}, the mark).
 * </ul>
 * Wait time is measured exactly: only a contended taker reads the clock.
 *
 * <p><b>Histograms.</b> A contended taker counts its wait in a {@link DurationHistogram}; an
 * uncontended acquisition is a wait of zero, added when {@link #stats()} reads it, so the fast path writes
 * nothing more. The holds that {@link HoldTiming} selects are timed: the new holder notes the start and a
 * weight in two opaque fields, and whoever frees the lock — the holder, or {@link #revoke} — reads them
 * before its CAS on {@code owner} and, if the CAS succeeds, records the hold; exactly one CAS succeeds per
 * hold, so each timed hold is recorded once. The fields are overwritten by every new holder, never reset
 * by a releaser, so a late releaser cannot clobber its successor's.
 *
 * <p><b>Who calls what.</b> {@link #acquire()}, {@link #release(SwitchReason)}, {@link #checkpoint()} and
 * {@link #releaseIfHeld(SwitchReason)} are called by the threads that run guarded code; {@link #enable()},
 * {@link #disable()}, {@link #revoke(long)} and {@link #stats()} by anyone. The lock is not re-entrant: a
 * caller that may already hold it asks {@link #isHeldByCurrentThread()} first. Acquisition is not
 * interruptible; an interrupt that arrives while waiting is kept and re-asserted once the lock is taken.
 */
public final class InterpreterLock {

    /**
     * How many waiters at most wait with a timeout of one interval; any more wait until woken. CPython's
     * waiters all wait with a timeout, which costs nothing with a few OS threads; ten thousand virtual
     * threads waiting for the lock each woke once an interval, took the mutex, found nothing to do and waited
     * again, and kept both cores busy (10 000 tasks under {@code gil} 1.8–3.3 s against 0.1 s in
     * {@code native}). A few timed waiters suffice to ask for drops and to look at the holder.
     */
    static final int TIMED_WAITERS = 16;

    /** How often a waiter that holds a monitor looks whether the holder can still run, in nanoseconds. */
    static final long WATCH_SLICE_NANOS = 20_000;

    /** One in how many uncontended acquisitions a {@link HoldTiming#SAMPLED} lock times; a power of two. */
    public static final int HOLD_SAMPLE_EVERY = 64;

    private static final VarHandle OWNER;
    private static final VarHandle HOLD_START;
    private static final VarHandle HOLD_WEIGHT;
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(InterpreterLock.class, "owner", Thread.class);
            HOLD_START = lookup.findVarHandle(InterpreterLock.class, "holdStart", long.class);
            HOLD_WEIGHT = lookup.findVarHandle(InterpreterLock.class, "holdWeight", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Indexes into counts; SwitchReason ordinals come first.
    private static final int SWITCHES_BY_REASON = 0;
    private static final int ACQUISITIONS = SwitchReason.values().length;
    private static final int CONTENDED = ACQUISITIONS + 1;
    private static final int HOLD_NANOS = ACQUISITIONS + 2;
    private static final int SLOW_CHECKPOINTS = ACQUISITIONS + 3;
    private static final int DROP_REQUESTS = ACQUISITIONS + 4;
    private static final int SWITCH_NUMBER = ACQUISITIONS + 5;
    private static final int COUNTERS = ACQUISITIONS + 6;

    private final Algorithm algorithm;
    private final long intervalNanos;
    private final int checkInterval;
    private final ClearanceListener listener;
    private final HoldTiming holdTiming;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition available = mutex.newCondition();
    private final Condition switched = mutex.newCondition();

    @SuppressWarnings("unused") // accessed through OWNER
    private volatile Thread owner;

    private volatile int waiters;
    private volatile boolean dropRequest;
    private volatile boolean enabled = true;
    private volatile boolean switchAwaited;
    private volatile int publications; // odd while a publication under the mutex is under way
    private int timedWaiters; // under the mutex

    // Written by the holder, or under the mutex (see "Counters" above).
    private final long[] counts = new long[COUNTERS];
    private Thread lastHolder;
    private SwitchReason lastRelease;
    private int ticks;
    private final DurationHistogram waits = new DurationHistogram();
    private final DurationHistogram holds = new DurationHistogram();

    @SuppressWarnings("unused") // accessed through HOLD_START and HOLD_WEIGHT; see "Histograms" above
    private long holdStart;

    @SuppressWarnings("unused")
    private long holdWeight; // 0: the current hold is not timed

    /**
     * @param algorithm how the lock is handed over
     * @param intervalNanos the switch interval: how long a waiter waits before asking for a drop (NEW)
     * @param checkInterval check points between re-takes (LEGACY); ignored by NEW
     * @param listener told which thread may pass check points freely
     * @param holdTiming which holds are timed for the hold histogram
     */
    public InterpreterLock(
            Algorithm algorithm,
            long intervalNanos,
            int checkInterval,
            ClearanceListener listener,
            HoldTiming holdTiming) {
        if (intervalNanos < 1_000) {
            throw new IllegalArgumentException("switch interval below 1 µs: " + intervalNanos + " ns");
        }
        if (checkInterval < 1) {
            throw new IllegalArgumentException("check interval below 1: " + checkInterval);
        }
        this.algorithm = algorithm;
        this.intervalNanos = intervalNanos;
        this.checkInterval = checkInterval;
        this.listener = listener;
        this.holdTiming = holdTiming;
        listener.clearanceChanged(true, null);
    }

    /** The hand-over algorithm. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** The switch interval in nanoseconds. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** True if the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** True while the lock is in force: {@link #acquire()} takes it rather than returning at once. */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Takes the lock, waiting as long as it takes, unless the lock is disabled before or while waiting.
     * The caller must not hold the lock.
     *
     * @return true if the caller took the lock (a revocation may free it at any time, even before this
     *     returns; the caller then takes it back at its next check point); false if the lock is disabled
     */
    public boolean acquire() {
        return acquire(false);
    }

    /**
     * Takes the lock as {@link #acquire()} does, for a caller that holds a monitor the holder may be about to
     * enter (it returned from {@code Object.wait} inside {@code synchronized}): while it waits it looks
     * every {@value #WATCH_SLICE_NANOS} ns whether the holder cannot run ({@code BLOCKED} or ended), and then
     * takes the lock from it (see the design note on monitors).
     */
    public boolean acquireHoldingMonitor() {
        return acquire(true);
    }

    private boolean acquire(boolean watchHolder) {
        Thread me = Thread.currentThread();
        if (!enabled) {
            return false;
        }
        if (OWNER.compareAndSet(this, null, me)) {
            taken(me, 0, 0);
            listener.clearanceChanged(true, algorithm == Algorithm.NEW ? me : null);
            // Re-read after publishing, in this order (see "Clearance"): owner too, in case revoke() freed
            // the lock since the CAS and published before us.
            return !(dropRequest || switchAwaited || !enabled || owner != me) || settleAfterTaking(me);
        }
        return acquireContended(me, watchHolder);
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer, the mutex holder; readers without it see the volatile
    private boolean acquireContended(Thread me, boolean watchHolder) {
        long start = System.nanoTime();
        boolean interrupted = false;
        mutex.lock();
        try {
            waiters++;
            try {
                while (true) {
                    if (!enabled) {
                        return false;
                    }
                    if (OWNER.compareAndSet(this, null, me)) {
                        break;
                    }
                    if (!freeHolderThatCannotRun()) {
                        interrupted |= awaitTurn(watchHolder);
                    }
                }
            } finally {
                waiters--;
                wakeOneToKeepTime();
            }
            long now = System.nanoTime();
            taken(me, now - start, now);
            afterTakingUnderMutex();
            return true;
        } finally {
            mutex.unlock();
            if (interrupted) {
                me.interrupt();
            }
        }
    }

    /**
     * Under the mutex: frees the lock if its holder cannot run: blocked, as the JVM sees it (entering a
     * monitor, or in a wait, sleep, join or park; counted as a release around blocking), unless it is queued
     * for this lock's own mutex, or ended ({@code TERMINATED}, counted as an exit: a thread keeps the lock
     * through returns, so one that ends holding it, as every virtual thread of a thread-per-task executor
     * does, leaves it to the next taker); true if it did.
     */
    private boolean freeHolderThatCannotRun() {
        Thread holder = owner;
        SwitchReason reason = holder == null ? null : cannotRun(holder);
        if (reason == null || !free(holder)) {
            return false;
        }
        lastRelease = reason;
        dropRequest = false;
        publish();
        return true;
    }

    /**
     * Why {@code holder} cannot run on, or null if it can: {@code BLOCKED} on a monitor, {@code WAITING} or
     * {@code TIMED_WAITING} in a wait, sleep, join or park (whoever called it: the JDK, a library outside the
     * selection) other than a park in the queue for this lock's own mutex, or ended.
     */
    private SwitchReason cannotRun(Thread holder) {
        switch (holder.getState()) {
            case BLOCKED:
            case WAITING:
            case TIMED_WAITING:
                return mutex.hasQueuedThread(holder) ? null : SwitchReason.BLOCKING;
            case TERMINATED:
                return SwitchReason.EXIT;
            default:
                return null;
        }
    }

    /**
     * One wait of a contended taker, under the mutex; with {@code watchHolder}, in slices that end early
     * when the holder cannot run ({@link #cannotRun}). Returns true if the thread was interrupted.
     */
    @SuppressWarnings("WaitNotInLoop") // one wait of the loop in acquireContended, which checks again
    private boolean awaitTurn(boolean watchHolder) {
        try {
            if (!watchHolder && (algorithm == Algorithm.LEGACY || timedWaiters >= TIMED_WAITERS)) {
                available.await();
                return false;
            }
            long seen = switchNumber();
            long left;
            timedWaiters++;
            try {
                left = watchHolder ? awaitWatchingHolder() : available.awaitNanos(intervalNanos);
            } finally {
                timedWaiters--;
            }
            if (algorithm == Algorithm.LEGACY) {
                return false;
            }
            if (left <= 0 && owner != null && switchNumber() == seen && enabled && !dropRequest) {
                dropRequest = true;
                add(DROP_REQUESTS, 1);
                publish();
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /**
     * Under the mutex, as a waiter stops waiting: if fewer than {@value #TIMED_WAITERS} wait with a timeout
     * (a waiter watching the holder counts: it wakes every slice) and others wait without one, wakes one, so
     * that some waiter always keeps the time, asks for drops and looks at the holder. Not for
     * {@link Algorithm#LEGACY}, whose waiters all wait untimed and ask for nothing.
     */
    private void wakeOneToKeepTime() {
        if (algorithm == Algorithm.NEW && timedWaiters < TIMED_WAITERS && waiters > timedWaiters) {
            available.signal();
        }
    }

    /**
     * Waits on {@code available} for up to one interval, in slices of {@value #WATCH_SLICE_NANOS} ns, and
     * stops early when signalled or when the holder cannot run ({@link #cannotRun}); the nanoseconds left of
     * the interval.
     */
    private long awaitWatchingHolder() throws InterruptedException {
        long deadline = System.nanoTime() + intervalNanos;
        while (true) {
            long left = deadline - System.nanoTime();
            Thread holder = owner;
            if (left <= 0 || holder == null || cannotRun(holder) != null) {
                return left;
            }
            if (available.awaitNanos(Math.min(left, WATCH_SLICE_NANOS)) > 0) {
                return deadline - System.nanoTime(); // signalled
            }
        }
    }

    /**
     * Bookkeeping of a new holder; runs with the lock held, before anything is published. {@code now} is the
     * clock a contended taker read, or 0 on the fast path, which reads none.
     */
    @SuppressWarnings("EnumOrdinal") // a counter slot per switch reason
    private void taken(Thread me, long waitedNanos, long now) {
        long acquisitions = countAtomically(ACQUISITIONS);
        if (waitedNanos > 0) {
            add(CONTENDED, 1);
            waits.record(waitedNanos);
        }
        timeHold(acquisitions, now);
        if (lastHolder != me) {
            countAtomically(SWITCH_NUMBER);
            SwitchReason reason = lastRelease;
            if (reason != null) {
                countAtomically(SWITCHES_BY_REASON + reason.ordinal());
            }
            lastHolder = me;
        }
        ticks = 0;
    }

    /** Notes where the new hold starts if {@link HoldTiming} selects it, and with what weight. */
    private void timeHold(long acquisition, long now) {
        long weight = 0;
        if (holdTiming == HoldTiming.EVERY || (holdTiming == HoldTiming.SAMPLED && now != 0)) {
            weight = 1;
        } else if (holdTiming == HoldTiming.SAMPLED && (acquisition & (HOLD_SAMPLE_EVERY - 1)) == 0) {
            weight = HOLD_SAMPLE_EVERY;
        }
        if (weight != 0) {
            HOLD_START.setOpaque(this, now != 0 ? now : System.nanoTime());
        }
        HOLD_WEIGHT.setOpaque(this, weight);
    }

    /**
     * Frees the lock if {@code holder} holds it, and records the hold this ends if it was timed.
     *
     * @return false if {@code holder} did not hold the lock (nothing changed)
     */
    private boolean free(Thread holder) {
        long weight = (long) HOLD_WEIGHT.getOpaque(this);
        long start = (long) HOLD_START.getOpaque(this);
        if (!OWNER.compareAndSet(this, holder, null)) {
            return false;
        }
        if (weight != 0) {
            holds.record(System.nanoTime() - start, weight);
        }
        return true;
    }

    /**
     * A fast-path taker that saw a drop request, a forced dropper, a disabled lock or another owner after it
     * published itself: settles under the mutex. Returns false, having freed the lock again, if the lock was
     * disabled (its {@link #disable()} may have run before the CAS, and then did not free it). A taker freed
     * since its CAS ({@link #revoke}) publishes the lock's state over its own clearance and returns true: it
     * runs on as a revoked holder does, and takes the lock back at its first check point.
     */
    private boolean settleAfterTaking(Thread me) {
        mutex.lock();
        try {
            if (!enabled) {
                free(me);
                publish();
                return false;
            }
            if (owner != me) {
                publish(); // not afterTakingUnderMutex(): a drop request is the new owner's to answer
                return true;
            }
            afterTakingUnderMutex();
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The holder at a check point with no drop pending: publishes its clearance again and wakes a forced
     * dropper it may have missed, but keeps a drop request made since it looked. (Resetting it, as a new
     * holder does, would lose that request and make its waiter wait a further interval.)
     */
    private void republish() {
        mutex.lock();
        try {
            publish();
            if (switchAwaited) {
                switched.signalAll();
            }
        } finally {
            mutex.unlock();
        }
    }

    /** The new holder starts with no drop request and wakes a forced dropper (CPython's take_gil). */
    private void afterTakingUnderMutex() {
        dropRequest = false;
        publish();
        if (switchAwaited) {
            switched.signalAll();
        }
    }

    /**
     * Releases the lock if the calling thread holds it; does nothing otherwise (for instance after the
     * watchdog revoked it). A {@link SwitchReason#FORCED} release under the NEW algorithm waits until
     * another thread has taken the lock, as long as anyone waits for it and the lock is enabled.
     */
    public void release(SwitchReason reason) {
        Thread me = Thread.currentThread();
        if (owner != me) {
            return;
        }
        lastRelease = reason;
        boolean forced = reason == SwitchReason.FORCED && algorithm == Algorithm.NEW;
        if (!forced && waiters == 0 && !dropRequest) {
            int seen = publications;
            listener.clearanceChanged(enabled, null);
            free(me); // fails only if disable() or revoke() freed it meanwhile, and then published
            if (waiters != 0 || (seen & 1) != 0 || publications != seen) {
                // A waiter arrived between the check and the CAS and may have seen the lock held, or a
                // publication under the mutex may have been overwritten by ours, made from a stale read.
                publishAndSignal();
            }
            return;
        }
        lockMutexWithoutParking();
        try {
            if (!free(me)) {
                return;
            }
            publish();
            available.signal();
            if (forced) {
                awaitSwitchFrom();
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Takes the mutex on the way out of the lock without parking. A release often runs inside
     * {@code LockSupport.park} (the agent's park choke point), after the parking code checked its condition
     * and before the real park: an unpark that arrives then leaves a permit for that park, and a park on the
     * mutex here would consume it, so the real park would wait for a wake-up that already came (seen: a
     * {@code FutureTask.get} parked for good while its task was done). Whoever holds the mutex holds it for a
     * few writes, or waits on a condition, which frees it.
     */
    @SuppressWarnings("ThreadPriorityCheck") // gives the mutex holder a core while it makes a few writes
    private void lockMutexWithoutParking() {
        for (int spins = 0; !mutex.tryLock(); spins++) {
            if ((spins & 63) == 63) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void publishAndSignal() {
        lockMutexWithoutParking();
        try {
            publish();
            available.signal();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * FORCE_SWITCHING, under the mutex: wait until another thread took the lock, nobody wants it any more,
     * or the lock was disabled. A fast-path taker may miss {@code switchAwaited} and not signal; the timed
     * wait bounds that case by one interval.
     */
    private void awaitSwitchFrom() {
        long seen = switchNumber();
        switchAwaited = true;
        try {
            while (switchNumber() == seen && waiters > 0 && enabled) {
                switched.awaitNanos(intervalNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            switchAwaited = false;
        }
    }

    /**
     * Releases the lock if the calling thread holds it, as around a blocking call. Does nothing while the
     * caller is inside this lock's own code: a holder that queues for the internal mutex parks too, and a
     * release from within that park would queue for the same mutex again.
     *
     * @return true if it was held and is now released
     */
    public boolean releaseIfHeld(SwitchReason reason) {
        Thread me = Thread.currentThread();
        if (owner != me || mutex.isHeldByCurrentThread() || mutex.hasQueuedThread(me)) {
            return false;
        }
        release(reason);
        return true;
    }

    /**
     * A check point of guarded code. The holder honours a pending drop request (NEW) or counts the check
     * point and re-takes the lock when its budget is spent (LEGACY). A thread that does not hold an enabled
     * lock (it was revoked, or the lock came into force meanwhile) takes it before it goes on.
     */
    public void checkpoint() {
        Thread me = Thread.currentThread();
        if (owner != me) {
            if (enabled) {
                acquire();
            }
            return;
        }
        countSlowCheckpoint();
        if (algorithm == Algorithm.NEW) {
            if (dropRequest) {
                release(SwitchReason.FORCED);
                acquire();
            } else {
                republish(); // a stale clearance sent us here: publish the right one
            }
        } else if (++ticks >= checkInterval) {
            ticks = 0;
            if (waiters > 0) {
                release(SwitchReason.FORCED);
                acquire();
            }
        }
    }

    /** Puts the lock in force. */
    public void enable() {
        mutex.lock();
        try {
            enabled = true;
            publish();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Takes the lock out of force and frees it: waiters return from {@link #acquire()} without it, a forced
     * dropper stops waiting, and later acquisitions return at once. The thread that held it finds out at its
     * next check point or release, as after a revocation; the first hand-over after {@link #enable()} is
     * counted as a switch without a reason.
     */
    public void disable() {
        mutex.lock();
        try {
            enabled = false;
            dropRequest = false;
            Thread holder = owner;
            if (holder != null && free(holder)) {
                lastRelease = null;
            }
            publish();
            available.signalAll();
            switched.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Under the mutex: tell the listener who may pass check points now. */
    @SuppressWarnings("NonAtomicVolatileUpdate") // one writer, the mutex holder
    private void publish() {
        publications++; // single writer: the mutex holder
        Thread holder = owner;
        boolean free = algorithm == Algorithm.NEW && holder != null && !dropRequest;
        listener.clearanceChanged(enabled, free ? holder : null);
        publications++;
    }

    // ---- for the watchdog

    /** True if the lock is held, enabled, and somebody waits for it. */
    public boolean isContended() {
        return owner != null && waiters > 0 && enabled;
    }

    /**
     * True if the lock is contended and the holder's next check point will show in {@link #progressMark()}:
     * under {@link Algorithm#NEW} only once a waiter has asked for a drop (until then the holder passes its
     * check points on the fast path, without a trace, as it should), under {@link Algorithm#LEGACY} always
     * (every check point is counted). Before that, a holder without progress is not stalled: it was not asked.
     */
    public boolean awaitsHolderProgress() {
        return isContended() && (algorithm == Algorithm.LEGACY || dropRequest);
    }

    /** The thread holding the lock now, or null; a racy read, for the watchdog's verdict on a stalled holder. */
    public Thread owner() {
        return owner;
    }

    /** How many threads wait for the lock now; a racy read, for samplers. */
    public int waiters() {
        return waiters;
    }

    /** A number that changes whenever the lock shows progress: an acquisition or a slow check point. */
    public long progressMark() {
        return count(ACQUISITIONS) + count(SLOW_CHECKPOINTS);
    }

    /**
     * Frees the lock on behalf of its holder if it is still contended and {@link #progressMark()} still
     * equals {@code expectedMark}. The holder takes the lock again at its next check point.
     *
     * @return true if the lock was revoked
     */
    public boolean revoke(long expectedMark) {
        mutex.lock();
        try {
            return waiters != 0 && progressMark() == expectedMark && revokeUnderMutex();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Revokes the lock as {@link #revoke} does, without its two conditions for the watchdog (somebody waits;
     * no progress since the mark). Package private for the jcstress test {@code RevokeVersusCheckpoint},
     * whose two actors are the holder and the revoker, with no third thread left to wait.
     */
    boolean revokeHolder() {
        mutex.lock();
        try {
            return revokeUnderMutex();
        } finally {
            mutex.unlock();
        }
    }

    private boolean revokeUnderMutex() {
        Thread victim = owner;
        if (victim == null || !enabled || !free(victim)) {
            return false;
        }
        lastRelease = SwitchReason.WATCHDOG;
        dropRequest = false;
        publish();
        available.signal();
        return true;
    }

    // ---- counters

    /**
     * Adds {@code elapsedNanos} to the hold time if the lock is held now. One sampler calls this once per
     * period with the time since its previous call, so hold time is exact to about one period over any
     * span of many periods. Only one thread may call it.
     */
    public void sampleHold(long elapsedNanos) {
        if (owner != null) {
            add(HOLD_NANOS, elapsedNanos);
        }
    }

    /** The counters now; see {@link LockStats}. */
    @SuppressWarnings("EnumOrdinal") // a counter slot per switch reason
    public LockStats stats() {
        long acquisitions = count(ACQUISITIONS);
        long contended = count(CONTENDED);
        HistogramSnapshot contendedWaits = waits.snapshot();
        return new LockStats(
                acquisitions,
                contended,
                contendedWaits.sumNanos(),
                count(HOLD_NANOS),
                count(SWITCH_NUMBER),
                count(SWITCHES_BY_REASON + SwitchReason.FORCED.ordinal()),
                count(SWITCHES_BY_REASON + SwitchReason.BLOCKING.ordinal()),
                count(SWITCHES_BY_REASON + SwitchReason.EXIT.ordinal()),
                count(SWITCHES_BY_REASON + SwitchReason.WATCHDOG.ordinal()),
                count(DROP_REQUESTS),
                waiters,
                contendedWaits.withZeros(Math.max(0, acquisitions - contendedWaits.count())),
                holds.snapshot());
    }

    private long switchNumber() {
        return count(SWITCH_NUMBER);
    }

    /** Adds to a counter that has one writer at a time (see "Counters" above): opaque read, then store. */
    private void add(int counter, long delta) {
        COUNTS.setOpaque(counts, counter, (long) COUNTS.getOpaque(counts, counter) + delta);
    }

    /**
     * Adds one to a counter that a revoked holder and the new holder may write at once (see "Counters"
     * above), atomically; returns the new value.
     */
    private long countAtomically(int counter) {
        return (long) COUNTS.getAndAdd(counts, counter, 1L) + 1;
    }

    /**
     * Counts a slow check point of the caller, which was the holder when it looked and may since have been
     * revoked. Package private for the jcstress test {@code CountersAfterRevocation}, which runs it from a
     * revoked holder and a new holder at once.
     */
    void countSlowCheckpoint() {
        countAtomically(SLOW_CHECKPOINTS);
    }

    private long count(int counter) {
        return (long) COUNTS.getOpaque(counts, counter);
    }

    @Override
    public String toString() {
        return "InterpreterLock[" + algorithm + ", interval " + TimeUnit.NANOSECONDS.toMicros(intervalNanos)
                + " µs, owner " + owner + ", waiters " + waiters + "]";
    }
}
