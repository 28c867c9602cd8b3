package io.gil4j.metrics;

import io.gil4j.advice.Advisor;
import io.gil4j.api.Mode;
import io.gil4j.config.TelemetryConfig;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.experiment.ExperimentOutcome;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.log.AgentFailures;
import io.gil4j.log.AgentLog;
import io.gil4j.mode.ModeController;
import io.gil4j.pool.WorkerPool;
import io.gil4j.work.MarkedWork;
import io.gil4j.work.SpeedupTracker;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The agent's OpenTelemetry SDK and every metric it exports: set up by the SDK's autoconfigure module from
 * the standard {@code OTEL_*} variables and {@code otel.*} properties, with gil4j's defaults and overrides
 * ({@link TelemetrySettings}), the Prometheus endpoint served by {@link PrometheusEndpoint}, the JVM's
 * runtime metrics from OpenTelemetry's runtime-telemetry library, and gil4j's own metrics under the
 * instrumentation scope {@value #SCOPE} ({@code docs/metrics.md} lists them).
 *
 * <p>The SDK lives in the agent's class loader, relocated, and is never made global: it cannot meet an
 * application's OpenTelemetry, nor the OpenTelemetry Java agent's.
 */
public final class Telemetry implements AutoCloseable {

    /** The instrumentation scope of gil4j's metrics. */
    public static final String SCOPE = "io.gil4j";

    /** How long {@link #close()} lets the exporters flush. */
    private static final long CLOSE_SECONDS = 2;

    private static final Map<String, String> HISTOGRAMS = histograms();

    /** What the metrics are read from. */
    public record Sources(
            InterpreterLock mainLock,
            Dispatcher dispatcher,
            ModeController modes,
            MarkedWork work,
            SpeedupTracker speedup,
            Supplier<ExperimentOutcome> experiments,
            Advisor advisor,
            AgentFailures failures) {}

    private final OpenTelemetrySdk sdk;
    private final RuntimeTelemetry runtime;

    private Telemetry(OpenTelemetrySdk sdk, RuntimeTelemetry runtime) {
        this.sdk = sdk;
        this.runtime = runtime;
    }

    /** False when the configuration turns metrics off ({@code otel.sdk.disabled=true}, {@code otel.metrics.exporter=none}). */
    public static boolean enabled(TelemetryConfig config) {
        return settings(config).metricsEnabled();
    }

    private static TelemetrySettings settings(TelemetryConfig config) {
        return new TelemetrySettings(config.otelOverrides(), System.getProperties(), System.getenv());
    }

    /**
     * Starts the SDK and registers every metric. A Prometheus endpoint that cannot bind is reported on
     * standard error and left out; the other exporters still run.
     *
     * @throws RuntimeException if the OpenTelemetry configuration is invalid (autoconfigure's message says
     *     which property); nothing is left running then
     */
    public static Telemetry start(TelemetryConfig config, Sources sources) {
        SdkLog.route();
        TelemetrySettings settings = settings(config);
        String service = TelemetrySettings.guessServiceName(System.getProperty("sun.java.command"));
        HistogramExport histograms = new HistogramExport(
                InstrumentationScopeInfo.create(SCOPE),
                HISTOGRAMS,
                TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .setServiceClassLoader(Telemetry.class.getClassLoader())
                .disableShutdownHook()
                .addPropertiesSupplier(() -> settings.defaults(service))
                .addPropertiesCustomizer(properties -> settings.winning())
                .addMeterProviderCustomizer((builder, properties) -> {
                    builder.registerMetricProducer(histograms);
                    if (settings.prometheus()) {
                        try {
                            builder.registerMetricReader(PrometheusEndpoint.start(properties));
                        } catch (RuntimeException e) {
                            AgentLog.warn("no Prometheus endpoint on "
                                    + properties.getString(PrometheusEndpoint.HOST, "localhost") + ":"
                                    + properties.getInt(PrometheusEndpoint.PORT, 9464)
                                    + " (otel.exporter.prometheus.host/.port): " + e.getMessage()
                                    + (e.getCause() == null ? "" : ": " + e.getCause()) + "; other exporters go on");
                        }
                    }
                    return builder;
                })
                .build()
                .getOpenTelemetrySdk();
        try {
            Meter meter = sdk.getMeter(SCOPE);
            LockLedger ledger = new LockLedger(() -> locks(sources));
            sources.modes().addListener((from, to) -> ledger.settle(from));
            LockMetrics.register(meter, histograms, ledger, sources.modes()::current);
            PoolMetrics.register(meter, histograms, sources.dispatcher());
            WorkMetrics.register(
                    meter, histograms, sources.work(), sources.dispatcher(), sources.modes(), sources.speedup());
            CoreMetrics.register(meter);
            ExperimentMetrics.register(meter, sources.experiments());
            AdviceMetrics.register(meter, sources.advisor());
            FailureMetrics.register(meter, sources.failures());
            return new Telemetry(sdk, RuntimeTelemetry.create(new OriginalScopes(sdk)));
        } catch (RuntimeException e) {
            sdk.shutdown().join(CLOSE_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Every lock by its {@code gil4j.lock} name: the main lock and the interpreters of the pools built so far. */
    private static Map<String, InterpreterLock> locks(Sources sources) {
        Map<String, InterpreterLock> locks = new LinkedHashMap<>();
        locks.put("main", sources.mainLock());
        for (WorkerPool pool : sources.dispatcher().workerPools()) {
            List<InterpreterLock> interpreters = pool.interpreters();
            if (pool.name().equals(Mode.SEQUENTIAL.configName())) {
                locks.put(pool.name(), interpreters.get(0));
            } else {
                for (int i = 0; i < interpreters.size(); i++) {
                    locks.put("interpreter-" + (i + 1), interpreters.get(i));
                }
            }
        }
        return locks;
    }

    private static Map<String, String> histograms() {
        Map<String, String> histograms = new LinkedHashMap<>();
        histograms.put(
                LockMetrics.WAIT_DURATION,
                "Time each acquisition of the lock waited for it; an uncontended" + " acquisition counts as zero");
        histograms.put(
                LockMetrics.HOLD_DURATION,
                "Time the lock was held, per hold: on the main lock every hold"
                        + " that began contended and one in 64 of the others, counted 64 times; every hold of an interpreter");
        histograms.put(
                PoolMetrics.TASK_WAIT_TIME,
                "Time a rerouted call waited for a worker, from its submission to"
                        + " its start (for worker processes, to its sending, a worker's start-up included)");
        histograms.put(
                WorkMetrics.TASK_DURATION,
                "Duration of marked calls as their callers saw them, from entry"
                        + " to return or throw, wherever they ran");
        histograms.put(
                WorkMetrics.MODE_SWITCH_DURATION,
                "Time a switch to the mode took until it was in force,"
                        + " the lock's code put into or taken out of the selected classes included");
        return histograms;
    }

    /** Stops the runtime metrics and the SDK, letting exporters flush for at most two seconds. */
    @Override
    public void close() {
        runtime.close();
        sdk.shutdown().join(CLOSE_SECONDS, TimeUnit.SECONDS);
    }
}
