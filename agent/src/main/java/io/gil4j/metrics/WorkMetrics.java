package io.gil4j.metrics;

import static io.gil4j.metrics.AttributeKeys.ERROR_TYPE;
import static io.gil4j.metrics.AttributeKeys.FUNCTION;
import static io.gil4j.metrics.AttributeKeys.MODE;
import static io.gil4j.metrics.AttributeKeys.POOL;
import static io.gil4j.metrics.AttributeKeys.SPEEDUP_BASELINE;

import io.gil4j.api.Mode;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.mode.ModeController;
import io.gil4j.pool.WorkerPool;
import io.gil4j.process.ProcessPool;
import io.gil4j.stats.HistogramSnapshot;
import io.gil4j.work.MarkedWork;
import io.gil4j.work.SpeedupTracker;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics of marked work and modes: how long marked calls took as their callers saw them, the CPU time
 * they used (per mode and pool: its rate is the effective parallelism), the speedup of the current mode
 * over the baseline, and which mode is in force.
 */
final class WorkMetrics {

    static final String TASK_DURATION = "gil4j.task.duration";
    static final String MODE_SWITCH_DURATION = "gil4j.mode.switch.duration";
    /** The {@code gil4j.pool} of CPU time used by marked calls in their callers. */
    static final String INLINE = "inline";

    private WorkMetrics() {}

    static void register(
            Meter meter,
            HistogramExport histograms,
            MarkedWork work,
            Dispatcher dispatcher,
            ModeController modes,
            SpeedupTracker speedup) {
        registerCpuTime(meter, work, dispatcher);
        registerModes(meter, histograms, modes, speedup);
        histograms.add(sink -> work.durations().forEach((series, snapshot) -> {
            AttributesBuilder attributes = Attributes.builder()
                    .put(FUNCTION, series.function())
                    .put(MODE, series.mode().configName());
            if (series.errorType() != null) {
                attributes.put(ERROR_TYPE, series.errorType());
            }
            sink.point(TASK_DURATION, attributes.build(), snapshot);
        }));
    }

    /** {@code gil4j.work.cpu.time}: by mode, in callers and on each pool. */
    private static void registerCpuTime(Meter meter, MarkedWork work, Dispatcher dispatcher) {
        Map<Attributes, Long> cpuSeen = new HashMap<>();
        meter.counterBuilder("gil4j.work.cpu.time")
                .ofDoubles()
                .setUnit("s")
                .setDescription("CPU time used by marked calls, by the mode they ran in and where: in their"
                        + " callers (gil4j.pool=inline) or on a pool; its rate is the effective parallelism")
                .buildWithCallback(cpu -> {
                    Map<Attributes, Long> now = new HashMap<>();
                    for (Mode mode : Mode.values()) {
                        long nanos = work.inlineCpuNanos(mode);
                        if (nanos > 0) {
                            now.put(Attributes.of(MODE, mode.configName(), POOL, INLINE), nanos);
                        }
                    }
                    for (WorkerPool pool : dispatcher.workerPools()) {
                        now.put(
                                Attributes.of(MODE, pool.name(), POOL, pool.name()),
                                pool.stats().cpuNanos());
                    }
                    ProcessPool processes = dispatcher.processPool();
                    if (processes != null) {
                        String name = Mode.PROCESSES.configName();
                        now.put(
                                Attributes.of(MODE, name, POOL, name),
                                processes.stats().cpuNanos());
                    }
                    synchronized (cpuSeen) { // a worker's time may drop once it has ended: report the most seen
                        now.forEach((attributes, nanos) -> cpuSeen.merge(attributes, nanos, Math::max));
                        cpuSeen.forEach((attributes, nanos) -> cpu.record(HistogramExport.seconds(nanos), attributes));
                    }
                });
    }

    /** The mode in force, its speedup, the switches and how long they took. */
    private static void registerModes(
            Meter meter, HistogramExport histograms, ModeController modes, SpeedupTracker speedup) {
        meter.gaugeBuilder("gil4j.speedup")
                .setUnit("1")
                .setDescription("Throughput of marked calls in the current mode over that in the baseline mode,"
                        + " both measured in this process; meaningful under a load that saturates the marked work")
                .buildWithCallback(gauge -> {
                    double value = speedup.speedup();
                    if (!Double.isNaN(value)) {
                        gauge.record(
                                value,
                                Attributes.of(
                                        MODE,
                                        modes.current().configName(),
                                        SPEEDUP_BASELINE,
                                        speedup.baseline().configName()));
                    }
                });
        meter.gaugeBuilder("gil4j.mode.active")
                .ofLongs()
                .setUnit("1")
                .setDescription("1 for the mode in force, 0 for the others")
                .buildWithCallback(gauge -> {
                    Mode current = modes.current();
                    for (Mode mode : Mode.values()) {
                        gauge.record(mode == current ? 1 : 0, Attributes.of(MODE, mode.configName()));
                    }
                });
        meter.counterBuilder("gil4j.mode.transitions")
                .setUnit("{switch}")
                .setDescription("Switches from one mode to another since start-up")
                .buildWithCallback(counter -> counter.record(modes.transitions()));
        histograms.add(sink -> {
            for (Mode mode : Mode.values()) {
                HistogramSnapshot switches = modes.switchDurations(mode);
                if (switches.count() > 0) {
                    sink.point(MODE_SWITCH_DURATION, Attributes.of(MODE, mode.configName()), switches);
                }
            }
        });
    }
}
