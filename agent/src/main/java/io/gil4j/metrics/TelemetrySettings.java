package io.gil4j.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenTelemetry properties the agent's SDK starts from, and how they resolve.
 *
 * <p>Precedence, highest first: gil4j's own overrides ({@code gil4j.otel.*}, see
 * {@link io.gil4j.config.TelemetryConfig#otelOverrides()}), the {@code otel.*} system properties, the {@code OTEL_*}
 * environment variables, then gil4j's defaults ({@link #DEFAULTS}), which differ from the SDK's where an
 * agent that must work with nothing else running needs it: metrics go to a Prometheus endpoint, nothing is
 * traced or logged, OTLP speaks {@code http/protobuf} (the only protocol of the JDK's HTTP sender), and
 * pushes every 10 s so that a mode switch shows within seconds.
 */
final class TelemetrySettings {

    static final String METRICS_EXPORTER = "otel.metrics.exporter";
    static final String PROMETHEUS = "prometheus";

    static final Map<String, String> DEFAULTS = Map.of(
            METRICS_EXPORTER,
            PROMETHEUS,
            "otel.traces.exporter",
            "none",
            "otel.logs.exporter",
            "none",
            "otel.exporter.otlp.protocol",
            "http/protobuf",
            "otel.metric.export.interval",
            "10000");

    private final Map<String, String> overrides;
    private final Map<?, ?> properties;
    private final Map<String, String> environment;

    TelemetrySettings(Map<String, String> overrides, Map<?, ?> properties, Map<String, String> environment) {
        this.overrides = overrides;
        this.properties = properties;
        this.environment = environment;
    }

    /** {@code key} ({@code otel.metrics.exporter}) resolved as the class comment says, or null. */
    String get(String key) {
        String value = overrides.get(key);
        if (value == null && properties.get(key) != null) {
            value = String.valueOf(properties.get(key));
        }
        if (value == null) {
            value = environment.get(
                    key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? DEFAULTS.get(key) : value.trim();
    }

    /** The metric exporters asked for, in order. */
    Set<String> metricExporters() {
        String listed = get(METRICS_EXPORTER);
        return Arrays.stream(listed == null ? new String[0] : listed.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** False when {@code otel.sdk.disabled=true} or {@code otel.metrics.exporter=none}: nothing is measured then. */
    boolean metricsEnabled() {
        return !"true".equalsIgnoreCase(get("otel.sdk.disabled"))
                && !metricExporters().equals(Set.of("none"));
    }

    /** The properties gil4j supplies at the lowest precedence: {@link #DEFAULTS} and a service name. */
    Map<String, String> defaults(String serviceName) {
        Map<String, String> defaults = new HashMap<>(DEFAULTS);
        defaults.put("otel.service.name", serviceName);
        return defaults;
    }

    /**
     * The properties that win over every other source: the overrides, with {@code prometheus} taken out of
     * the exporters (the agent serves that endpoint itself, see {@link PrometheusEndpoint}); {@code none}
     * if nothing is left.
     */
    Map<String, String> winning() {
        Map<String, String> winning = new HashMap<>(overrides);
        Set<String> others = metricExporters();
        others.remove(PROMETHEUS);
        winning.put(METRICS_EXPORTER, others.isEmpty() ? "none" : String.join(",", others));
        return winning;
    }

    /** True if the Prometheus endpoint is asked for. */
    boolean prometheus() {
        return metricExporters().contains(PROMETHEUS);
    }

    /**
     * A service name for the resource when none is configured: the main jar's file name without
     * {@code .jar}, or the main class's simple name, from the launcher's {@code sun.java.command}.
     */
    static String guessServiceName(String javaCommand) {
        String first = javaCommand == null || javaCommand.isBlank()
                ? ""
                : javaCommand.trim().split("\\s+")[0];
        String name = first.substring(first.lastIndexOf('/') + 1);
        if (name.endsWith(".jar")) {
            name = name.substring(0, name.length() - ".jar".length());
        } else if (name.contains(".")) {
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        return name.isEmpty() ? "unknown_service:java" : name;
    }
}
