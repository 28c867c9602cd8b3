package io.gil4j.metrics;

import static io.gil4j.metrics.AttributeKeys.POOL;
import static io.gil4j.metrics.AttributeKeys.POOL_THREAD_STATE;
import static io.gil4j.metrics.AttributeKeys.with;

import io.gil4j.api.Mode;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.pool.PoolStats;
import io.gil4j.pool.WorkerPool;
import io.gil4j.process.ProcessPool;
import io.gil4j.process.ProcessPoolStats;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

/**
 * The pool metrics, per pool ({@code gil4j.pool}: {@code sequential}, {@code interpreters},
 * {@code processes}, each once its mode has rerouted a call): queue length and limit, workers active and
 * idle, rejections, the time calls wait for a worker, and for worker processes their starts, start-up time
 * and unexpected deaths.
 */
final class PoolMetrics {

    static final String TASK_WAIT_TIME = "gil4j.pool.task.wait_time";
    private static final String PROCESSES = Mode.PROCESSES.configName();

    private PoolMetrics() {}

    static void register(Meter meter, HistogramExport histograms, Dispatcher dispatcher) {
        Instruments instruments = Instruments.build(meter);
        meter.batchCallback(
                () -> {
                    dispatcher.workerPools().forEach(instruments::record);
                    ProcessPool processes = dispatcher.processPool();
                    if (processes != null) {
                        instruments.record(processes.stats());
                    }
                },
                instruments.queue,
                instruments.limit,
                instruments.threads,
                instruments.rejected,
                instruments.starts,
                instruments.startup,
                instruments.deaths);
        histograms.add(sink -> {
            for (WorkerPool pool : dispatcher.workerPools()) {
                sink.point(
                        TASK_WAIT_TIME,
                        Attributes.of(POOL, pool.name()),
                        pool.stats().queueWaits());
            }
            ProcessPool processes = dispatcher.processPool();
            if (processes != null) {
                sink.point(
                        TASK_WAIT_TIME,
                        Attributes.of(POOL, PROCESSES),
                        processes.stats().waits());
            }
        });
    }

    /** The observed instruments, recorded together by one batch callback. */
    private record Instruments(
            ObservableLongMeasurement queue,
            ObservableLongMeasurement limit,
            ObservableLongMeasurement threads,
            ObservableLongMeasurement rejected,
            ObservableLongMeasurement starts,
            ObservableDoubleMeasurement startup,
            ObservableLongMeasurement deaths) {

        static Instruments build(Meter meter) {
            return new Instruments(
                    meter.upDownCounterBuilder("gil4j.pool.queue.length")
                            .setUnit("{call}")
                            .setDescription("Calls waiting for a worker now")
                            .buildObserver(),
                    meter.upDownCounterBuilder("gil4j.pool.queue.limit")
                            .setUnit("{call}")
                            .setDescription("Calls that may wait for a worker at most (gil4j.pool.queue); worker"
                                    + " processes have no queue limit")
                            .buildObserver(),
                    meter.upDownCounterBuilder("gil4j.pool.thread.count")
                            .setUnit("{thread}")
                            .setDescription("Workers started, running a call (gil4j.pool.thread.state=active) or"
                                    + " not (idle); a worker process counts as one")
                            .buildObserver(),
                    meter.counterBuilder("gil4j.pool.task.rejected")
                            .setUnit("{call}")
                            .setDescription("Calls refused: a full queue under gil4j.pool.policy=reject, a pool"
                                    + " shut down, no worker process free in time")
                            .buildObserver(),
                    meter.counterBuilder("gil4j.pool.worker.starts")
                            .setUnit("{process}")
                            .setDescription("Worker processes started and connected")
                            .buildObserver(),
                    meter.counterBuilder("gil4j.pool.worker.startup.time")
                            .ofDoubles()
                            .setUnit("s")
                            .setDescription("Start-up time of the worker processes started, spawn to connection,"
                                    + " summed: over gil4j.pool.worker.starts, the mean")
                            .buildObserver(),
                    meter.counterBuilder("gil4j.pool.worker.deaths")
                            .setUnit("{process}")
                            .setDescription("Worker processes that ended without the pool asking: killed, crashed,"
                                    + " failed to start")
                            .buildObserver());
        }

        /** A thread pool's figures. */
        void record(WorkerPool pool) {
            PoolStats stats = pool.stats();
            Attributes attributes = Attributes.of(POOL, pool.name());
            queue.record(stats.queued(), attributes);
            limit.record(stats.queueCapacity(), attributes);
            workers(attributes, stats.busyWorkers(), stats.startedWorkers());
            rejected.record(stats.rejected(), attributes);
        }

        /** The worker processes' figures. */
        void record(ProcessPoolStats stats) {
            Attributes attributes = Attributes.of(POOL, PROCESSES);
            queue.record(stats.waiting(), attributes);
            workers(attributes, stats.busy(), stats.live());
            rejected.record(stats.rejected(), attributes);
            starts.record(stats.workerStarts(), attributes);
            startup.record(HistogramExport.seconds(stats.totalStartupNanos()), attributes);
            deaths.record(stats.workerDeaths(), attributes);
        }

        private void workers(Attributes attributes, long busy, long started) {
            threads.record(busy, with(attributes, POOL_THREAD_STATE, "active"));
            threads.record(started - busy, with(attributes, POOL_THREAD_STATE, "idle"));
        }
    }
}
