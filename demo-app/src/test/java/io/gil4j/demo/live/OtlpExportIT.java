package io.gil4j.demo.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** OTLP push to a real receiver, and an OTLP endpoint that is down. */
class OtlpExportIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void otlp_push_reaches_a_receiver_decoded_with_the_official_proto_classes() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
                DemoService service = DemoService.start(
                        List.of(DemoService.gil4j("mode=gil")),
                        Map.of(
                                "OTEL_METRICS_EXPORTER", "otlp",
                                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                                "OTEL_METRIC_EXPORT_INTERVAL", "500",
                                "OTEL_SERVICE_NAME", "shop-under-test",
                                "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=it"),
                        "serve",
                        "--port",
                        "0",
                        "--size",
                        "small")) {
            String url = service.servingUrl(TIMEOUT);
            try (DemoService load = DemoService.start(
                    List.of(), Map.of(), "load", "--url", url + "/work", "--concurrency", "2", "--duration", "3s")) {
                assertEquals(0, load.waitFor(TIMEOUT), load.toString());
            }
            Scrape.await(
                    TIMEOUT,
                    () -> receiver.latest("io.gil4j", "gil4j.task.duration").isPresent(),
                    "the marked calls pushed: " + service);

            OtlpReceiver.Received wait =
                    receiver.latest("io.gil4j", "gil4j.lock.wait.duration").orElseThrow();
            assertEquals("shop-under-test", wait.resourceAttribute("service.name"));
            assertEquals("it", wait.resourceAttribute("deployment.environment.name"));
            Metric histogram = wait.metric();
            assertEquals("s", histogram.getUnit());
            HistogramDataPoint point = histogram.getHistogram().getDataPoints(0);
            assertEquals(16, point.getExplicitBoundsCount());
            assertEquals(1e-5, point.getExplicitBounds(0), 1e-12);
            assertEquals(1.0, point.getExplicitBounds(15), 1e-12);
            assertTrue(point.getCount() > 0);
            for (String name :
                    List.of("gil4j.lock.time", "gil4j.mode.active", "gil4j.work.cpu.time", "system.cpu.time")) {
                assertTrue(receiver.latest("io.gil4j", name).isPresent(), name + " was not pushed");
            }
            assertTrue(
                    receiver.latest(null, "jvm.thread.count").isPresent(), "the runtime metrics, under their own name");
            assertEquals(List.of(), service.agentLines());
        }
    }

    @Test
    void a_dead_otlp_endpoint_leaves_the_service_answering_and_its_memory_bounded() throws Exception {
        int deadPort = DemoService.freePort();
        int metricsPort = DemoService.freePort();
        String metrics = "http://127.0.0.1:" + metricsPort + "/metrics";
        try (DemoService service = DemoService.start(
                List.of("-Xmx64m", DemoService.gil4j("mode=interpreters")),
                Map.of(
                        "OTEL_METRICS_EXPORTER", "otlp,prometheus",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + deadPort,
                        "OTEL_METRIC_EXPORT_INTERVAL", "100",
                        "OTEL_EXPORTER_OTLP_TIMEOUT", "200",
                        "OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(metricsPort)),
                "serve",
                "--port",
                "0",
                "--size",
                "small")) {
            String url = service.servingUrl(TIMEOUT);
            Scrape.until(metrics, TIMEOUT, s -> s.hasData("jvm_cpu_time_seconds_total"), "the endpoint up");
            try (DemoService load = DemoService.start(
                    List.of(), Map.of(), "load", "--url", url + "/work", "--concurrency", "4", "--duration", "12s")) {
                List<Integer> statuses = scrapeInParallel(metrics, 1_000, 50);
                assertEquals(0, load.waitFor(TIMEOUT), load.toString());
                String result = load.stdout().lines().skip(1).findFirst().orElseThrow();
                assertEquals("0", result.trim().split("\\s+")[1], "requests failed: " + load.stdout());
                assertTrue(statuses.stream().allMatch(s -> s == 200), "scrapes answered " + statuses);
            }
            assertTrue(service.isAlive(), "the service died: " + service);
            Scrape end = Scrape.of(metrics);
            double oldGenAfterGc = end.samples("jvm_memory_used_after_last_gc_bytes").stream()
                    .filter(s -> s.has("jvm_memory_pool_name", "G1 Old Gen"))
                    .mapToDouble(Scrape.Sample::value)
                    .findFirst()
                    .orElse(0);
            assertTrue(oldGenAfterGc < 40 * 1024 * 1024, "old generation after GC: " + oldGenAfterGc + " bytes");
            assertTrue(
                    service.agentLines().stream().allMatch(line -> line.contains("opentelemetry:")),
                    "only the SDK's own, throttled, export failures: " + service.agentLines());
        }
    }

    /** {@code scrapes} GETs of {@code url} from {@code threads} threads at once; the statuses. */
    private static List<Integer> scrapeInParallel(String url, int scrapes, int threads) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < scrapes; i++) {
                answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
