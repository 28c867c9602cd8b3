package io.gil4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {

    @Test
    void overrides_win_over_properties_which_win_over_the_environment_which_wins_over_the_defaults() {
        String key = "otel.exporter.prometheus.port";
        Map<String, String> env = Map.of("OTEL_EXPORTER_PROMETHEUS_PORT", "3");
        assertEquals("3", new TelemetrySettings(Map.of(), Map.of(), env).get(key));
        assertEquals("2", new TelemetrySettings(Map.of(), Map.of(key, "2"), env).get(key));
        assertEquals("1", new TelemetrySettings(Map.of(key, "1"), Map.of(key, "2"), env).get(key));
        assertEquals("prometheus", new TelemetrySettings(Map.of(), Map.of(), Map.of()).get("otel.metrics.exporter"));
    }

    @Test
    void metrics_are_off_with_exporter_none_or_the_sdk_disabled() {
        assertTrue(new TelemetrySettings(Map.of(), Map.of(), Map.of()).metricsEnabled());
        assertFalse(
                new TelemetrySettings(Map.of(), Map.of(), Map.of("OTEL_METRICS_EXPORTER", "none")).metricsEnabled());
        assertFalse(new TelemetrySettings(Map.of(), Map.of("otel.sdk.disabled", "true"), Map.of()).metricsEnabled());
    }

    @Test
    void prometheus_is_taken_out_of_the_exporters_autoconfigure_sees() {
        TelemetrySettings both =
                new TelemetrySettings(Map.of(), Map.of(), Map.of("OTEL_METRICS_EXPORTER", "prometheus,otlp"));
        assertTrue(both.prometheus());
        assertEquals(Set.of("prometheus", "otlp"), both.metricExporters());
        assertEquals("otlp", both.winning().get("otel.metrics.exporter"));
        TelemetrySettings alone = new TelemetrySettings(Map.of(), Map.of(), Map.of());
        assertEquals("none", alone.winning().get("otel.metrics.exporter"));
        TelemetrySettings otlp = new TelemetrySettings(Map.of("otel.metrics.exporter", "otlp"), Map.of(), Map.of());
        assertFalse(otlp.prometheus());
    }

    @Test
    void service_name_is_guessed_from_the_main_jar_or_class() {
        assertEquals("gil4j-demo", TelemetrySettings.guessServiceName("demo-app/target/gil4j-demo.jar serve --port 1"));
        assertEquals("Shop", TelemetrySettings.guessServiceName("com.acme.Shop arg"));
        assertEquals("unknown_service:java", TelemetrySettings.guessServiceName(null));
    }
}
