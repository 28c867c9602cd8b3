package io.gil4j.metrics;

import io.gil4j.api.Mode;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.LockStats;
import io.gil4j.gil.SwitchReason;
import io.gil4j.stats.HistogramSnapshot;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The locks' counters split by the mode in force while they grew, so that every lock metric can carry
 * {@code gil4j.mode} although the locks themselves know nothing of modes.
 *
 * <p>{@link #settle(Mode)} reads every lock and adds what each counter grew by since the previous settle to
 * that mode's totals. It is called with the current mode before every collection, and with the mode being
 * left at every switch, so growth lands on the mode that was in force, up to what happened between a
 * switch and its settle (microseconds). A lock seen for the first time adds everything since it was made.
 * A lock that did nothing under a mode has no totals for it, so no series.
 *
 * <p>Thread safety: all methods are synchronized; they never call the lock except for its non-blocking
 * {@link InterpreterLock#stats()}.
 */
final class LockLedger {

    /** What one lock did under one mode. Mutable, guarded by the ledger. */
    static final class Totals {
        long acquisitions;
        long contended;
        long holdNanos;
        long waitNanos;
        final Map<SwitchReason, Long> switches = new EnumMap<>(SwitchReason.class);
        HistogramSnapshot waits = HistogramSnapshot.EMPTY;
        HistogramSnapshot holds = HistogramSnapshot.EMPTY;

        void add(LockStats now, LockStats before) {
            acquisitions += now.acquisitions() - before.acquisitions();
            contended += now.contendedAcquisitions() - before.contendedAcquisitions();
            holdNanos += now.holdNanos() - before.holdNanos();
            waitNanos += now.waitNanos() - before.waitNanos();
            for (SwitchReason reason : SwitchReason.values()) {
                switches.merge(reason, now.switches(reason) - before.switches(reason), Long::sum);
            }
            waits = waits.plus(now.waits().minus(before.waits()));
            holds = holds.plus(now.holds().minus(before.holds()));
        }
    }

    /** Visits one lock's totals under one mode. */
    interface Visitor {
        void visit(String lock, Mode mode, Totals totals);
    }

    private static final LockStats NOTHING =
            new LockStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, HistogramSnapshot.EMPTY, HistogramSnapshot.EMPTY);

    private final Supplier<Map<String, InterpreterLock>> locks;
    private final Map<String, LockStats> last = new LinkedHashMap<>();
    private final Map<String, Map<Mode, Totals>> totals = new LinkedHashMap<>();

    /** @param locks the locks by name, asked at each settle (pools add theirs as they are built) */
    LockLedger(Supplier<Map<String, InterpreterLock>> locks) {
        this.locks = locks;
    }

    /** Adds each lock's growth since the last settle to {@code mode}. */
    synchronized void settle(Mode mode) {
        locks.get().forEach((name, lock) -> {
            LockStats now = lock.stats();
            LockStats before = last.getOrDefault(name, NOTHING);
            Map<Mode, Totals> byMode = totals.computeIfAbsent(name, n -> new EnumMap<>(Mode.class));
            if (byMode.containsKey(mode) || moved(now, before)) { // no series for a mode in which a lock did nothing
                byMode.computeIfAbsent(mode, m -> new Totals()).add(now, before);
            }
            last.put(name, now);
        });
    }

    private static boolean moved(LockStats now, LockStats before) {
        return now.acquisitions() != before.acquisitions()
                || now.holdNanos() != before.holdNanos()
                || now.waitNanos() != before.waitNanos()
                || now.switchNumber() != before.switchNumber();
    }

    /** Visits every lock's totals per mode, as of the last settle. */
    synchronized void forEach(Visitor visitor) {
        totals.forEach((lock, byMode) -> byMode.forEach((mode, of) -> visitor.visit(lock, mode, of)));
    }

    /** Threads waiting for each lock at the last settle. */
    synchronized Map<String, Integer> waiters() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        last.forEach((lock, stats) -> waiting.put(lock, stats.waiters()));
        return waiting;
    }
}
