package io.gil4j.metrics;

import static io.gil4j.metrics.AttributeKeys.LOCK;
import static io.gil4j.metrics.AttributeKeys.LOCK_CONTENDED;
import static io.gil4j.metrics.AttributeKeys.LOCK_STATE;
import static io.gil4j.metrics.AttributeKeys.MODE;
import static io.gil4j.metrics.AttributeKeys.SWITCH_REASON;
import static io.gil4j.metrics.AttributeKeys.with;

import io.gil4j.api.Mode;
import io.gil4j.gil.SwitchReason;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The lock metrics, per lock ({@code gil4j.lock}: {@code main}, {@code interpreter-1} …, {@code sequential})
 * and per mode in force ({@code gil4j.mode}): time held and waited, switches by reason, acquisitions, the
 * threads waiting now, and the wait and hold histograms. Everything is read from a {@link LockLedger} at
 * collection time.
 */
final class LockMetrics {

    static final String WAIT_DURATION = "gil4j.lock.wait.duration";
    static final String HOLD_DURATION = "gil4j.lock.hold.duration";

    private LockMetrics() {}

    static void register(Meter meter, HistogramExport histograms, LockLedger ledger, Supplier<Mode> mode) {
        ObservableDoubleMeasurement time = meter.counterBuilder("gil4j.lock.time")
                .ofDoubles()
                .setUnit("s")
                .setDescription("Time the lock was held (gil4j.lock.state=held; its rate is the lock's utilization)"
                        + " and waited for, summed over waiting threads (wait; its rate is the average number of"
                        + " waiters)")
                .buildObserver();
        ObservableLongMeasurement switches = meter.counterBuilder("gil4j.lock.switches")
                .setUnit("{switch}")
                .setDescription("Hand-overs of the lock to another thread, by the reason the holder gave it up")
                .buildObserver();
        ObservableLongMeasurement acquisitions = meter.counterBuilder("gil4j.lock.acquisitions")
                .setUnit("{acquisition}")
                .setDescription("Times the lock was taken, contended (the taker waited) or not")
                .buildObserver();
        ObservableLongMeasurement waiting = meter.upDownCounterBuilder("gil4j.lock.waiting")
                .setUnit("{thread}")
                .setDescription("Threads waiting for the lock now")
                .buildObserver();
        meter.batchCallback(
                () -> {
                    ledger.settle(mode.get());
                    ledger.forEach(
                            (lock, inMode, totals) -> record(time, switches, acquisitions, lock, inMode, totals));
                    ledger.waiters().forEach((lock, threads) -> waiting.record(threads, Attributes.of(LOCK, lock)));
                },
                time,
                switches,
                acquisitions,
                waiting);
        histograms.add(sink -> {
            ledger.settle(mode.get());
            ledger.forEach((lock, inMode, totals) -> {
                Attributes attributes = Attributes.of(LOCK, lock, MODE, inMode.configName());
                sink.point(WAIT_DURATION, attributes, totals.waits);
                sink.point(HOLD_DURATION, attributes, totals.holds);
            });
        });
    }

    /** One lock's counters in one mode. */
    private static void record(
            ObservableDoubleMeasurement time,
            ObservableLongMeasurement switches,
            ObservableLongMeasurement acquisitions,
            String lock,
            Mode inMode,
            LockLedger.Totals totals) {
        Attributes attributes = Attributes.of(LOCK, lock, MODE, inMode.configName());
        time.record(HistogramExport.seconds(totals.holdNanos), with(attributes, LOCK_STATE, "held"));
        time.record(HistogramExport.seconds(totals.waitNanos), with(attributes, LOCK_STATE, "wait"));
        for (SwitchReason reason : SwitchReason.values()) {
            switches.record(
                    totals.switches.getOrDefault(reason, 0L),
                    with(attributes, SWITCH_REASON, reason.name().toLowerCase(Locale.ROOT)));
        }
        acquisitions.record(totals.contended, with(attributes, LOCK_CONTENDED, true));
        acquisitions.record(totals.acquisitions - totals.contended, with(attributes, LOCK_CONTENDED, false));
    }
}
