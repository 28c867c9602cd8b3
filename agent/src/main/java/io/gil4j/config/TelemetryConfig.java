package io.gil4j.config;

import io.gil4j.api.Mode;
import java.util.Map;

/**
 * What the agent's metrics are exported with.
 *
 * @param otelOverrides the OpenTelemetry properties set for gil4j alone ({@code otel.exporter.prometheus.port}
 *     and the like), which win over the same {@code otel.*} properties and {@code OTEL_*} variables
 * @param speedupBaseline {@code speedup.baseline}: the mode whose throughput {@code gil4j.speedup} divides by
 */
public record TelemetryConfig(Map<String, String> otelOverrides, Mode speedupBaseline) {}
