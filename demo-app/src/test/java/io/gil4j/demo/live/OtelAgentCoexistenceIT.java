package io.gil4j.demo.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gil4j beside the official OpenTelemetry Java agent in one JVM, in both command-line orders: the
 * OpenTelemetry agent pushes its metrics over OTLP, as the standard {@code OTEL_*} variables say; gil4j
 * serves its own on a Prometheus endpoint, told so by its {@code gil4j.otel.*} overrides. Each exports,
 * neither takes the other's metrics, and the service answers every request while gil4j switches modes.
 * gil4j instruments the application's classes only, none of the OpenTelemetry agent's: taking the lock in
 * the other agent's class-definition hook, under a class loader's lock, once hung the service.
 */
class OtelAgentCoexistenceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void both_agents_export_and_the_service_runs(boolean openTelemetryFirst) throws Exception {
        assertTrue(
                Files.isRegularFile(DemoService.OTEL_JAVAAGENT),
                "OpenTelemetry agent jar: " + DemoService.OTEL_JAVAAGENT);
        int metricsPort = DemoService.freePort();
        String metrics = "http://127.0.0.1:" + metricsPort + "/metrics";
        String openTelemetry = "-javaagent:" + DemoService.OTEL_JAVAAGENT.toAbsolutePath();
        String gil4j = DemoService.gil4j("log=info"); // names every class it instruments
        try (OtlpReceiver receiver = new OtlpReceiver();
                DemoService service = DemoService.start(
                        List.of(
                                "-Dgil4j.otel.metrics.exporter=prometheus",
                                "-Dgil4j.otel.exporter.prometheus.port=" + metricsPort,
                                openTelemetryFirst ? openTelemetry : gil4j,
                                openTelemetryFirst ? gil4j : openTelemetry),
                        Map.of(
                                "OTEL_METRICS_EXPORTER", "otlp",
                                "OTEL_TRACES_EXPORTER", "none",
                                "OTEL_LOGS_EXPORTER", "none",
                                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                                "OTEL_METRIC_EXPORT_INTERVAL", "500"),
                        "serve",
                        "--port",
                        "0",
                        "--size",
                        "small",
                        "--cycle",
                        "gil,interpreters",
                        "--dwell",
                        "2s")) {
            String url = service.servingUrl(TIMEOUT);
            try (DemoService load = DemoService.start(
                    List.of(), Map.of(), "load", "--url", url + "/work", "--concurrency", "2", "--duration", "5s")) {
                assertEquals(0, load.waitFor(TIMEOUT), load.toString());
                String result = load.stdout().lines().skip(1).findFirst().orElseThrow();
                assertEquals("0", result.trim().split("\\s+")[1], "requests failed: " + load.stdout());
            }
            Scrape gil4jMetrics = Scrape.until(
                    metrics,
                    TIMEOUT,
                    s -> s.hasData("gil4j_task_duration_seconds_count") && s.hasData("gil4j_lock_time_seconds_total"),
                    "gil4j's metrics on its endpoint");
            assertTrue(gil4jMetrics.hasData("jvm_cpu_time_seconds_total"));
            Scrape.await(
                    TIMEOUT,
                    () -> receiver.latest(null, "jvm.thread.count").isPresent(),
                    "the OpenTelemetry agent's metrics pushed to the receiver: " + service);
            assertTrue(!receiver.anyScopeStartingWith("io.gil4j"), "gil4j pushed OTLP although told not to");
            List<String> instrumented = service.agentLines().stream()
                    .filter(l -> l.startsWith("[gil4j] instrumented "))
                    .toList();
            assertTrue(
                    !instrumented.isEmpty()
                            && instrumented.stream().allMatch(l -> l.startsWith("[gil4j] instrumented io.gil4j.demo.")),
                    "only the application's classes, none of the OpenTelemetry agent's (its own or the libraries it"
                            + " loads unrelocated):\n" + String.join("\n", instrumented));
            assertEquals(
                    List.of(),
                    service.agentLines().stream()
                            .filter(l -> !l.startsWith("[gil4j] instrumented ")
                                    && !l.startsWith("[gil4j] started: ")
                                    && !l.startsWith("[gil4j] control endpoint on "))
                            .toList());
        }
    }

    /**
     * The OpenTelemetry agent adds an interface of its own, generated at run time and with no class file, to
     * every {@code Runnable} and {@code Callable}; gil4j, second, once failed on each such class ("Cannot resolve
     * type description") and left it uninstrumented. {@code convoy}'s echo loop is a {@code Callable}.
     */
    @Test
    void a_Callable_is_instrumented_after_the_OpenTelemetry_agent_added_its_interface() throws Exception {
        try (DemoService convoy = DemoService.start(
                List.of(
                        "-Dgil4j.otel.metrics.exporter=none",
                        "-javaagent:" + DemoService.OTEL_JAVAAGENT.toAbsolutePath(),
                        DemoService.gil4j("log=info")),
                Map.of("OTEL_METRICS_EXPORTER", "none", "OTEL_TRACES_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none"),
                "convoy",
                "--modes",
                "gil",
                "--duration",
                "300ms")) {
            assertEquals(0, convoy.waitFor(TIMEOUT), convoy.toString());
            List<String> lines = convoy.agentLines();
            assertTrue(lines.contains("[gil4j] instrumented io.gil4j.demo.convoy.EchoLoop"), String.join("\n", lines));
            assertEquals(
                    List.of(),
                    lines.stream()
                            .filter(l -> l.contains("could not instrument"))
                            .toList());
        }
    }
}
