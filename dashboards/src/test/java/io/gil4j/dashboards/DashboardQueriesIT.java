package io.gil4j.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.demo.live.DemoService;
import io.gil4j.demo.live.PrometheusTools;
import io.gil4j.demo.live.Scrape;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every query of every shipped dashboard, evaluated as Grafana would (a range query over the run, the
 * variables at "All") against a real Prometheus server that scraped a real demo JVM with the agent, under a
 * saturating load, while the service went through every mode; the shipped recording rules loaded too. In
 * the first {@code gil} stay under the load, {@code advise} samples where the lock is held, so that the
 * hold-share and prediction panels have data as they do after a user's advise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

    private static final List<String> MODES = List.of("sequential", "gil", "interpreters", "processes", "native");
    private static final Duration DWELL = Duration.ofSeconds(8);
    /** A metric name right before its label matchers, or alone (a variable's {@code label_values(metric, …)}). */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{|^([a-zA-Z_:][a-zA-Z0-9_:]*)$");

    /**
     * Queries that are right to return nothing in a healthy run, and why: a dashboard shows them empty too.
     */
    private static final Map<String, String> MAY_BE_EMPTY =
            Map.of("gil4j-overview / Failed marked calls / A", "the demo's marked calls do not throw");

    private DemoService service;
    private PrometheusTools.Server prometheus;
    private String metricsUrl;
    private Instant start;
    private Instant end;

    @BeforeAll
    void run_every_mode_under_load_with_prometheus_scraping() throws Exception {
        PrometheusTools.require(PrometheusTools.PROMETHEUS);
        int metricsPort = DemoService.freePort();
        metricsUrl = "http://127.0.0.1:" + metricsPort + "/metrics";
        service = DemoService.serveCycling(metricsPort, MODES, DWELL);
        String url = service.servingUrl(Duration.ofSeconds(60));
        prometheus =
                PrometheusTools.Server.start("gil4j", List.of("127.0.0.1:" + metricsPort), List.of(ShippedFiles.RULES));
        start = Instant.now();
        Duration all = DWELL.multipliedBy(MODES.size() + 1);
        try (DemoService load = DemoService.start(
                List.of(),
                Map.of(),
                "load",
                "--url",
                url + "/work",
                "--concurrency",
                "4",
                "--duration",
                all.toSeconds() + "s")) {
            adviseInTheNextGilStay(all);
            assertEquals(0, load.waitFor(all.plusSeconds(60)), load.toString());
        }
        awaitScrapeAndRulesAfter(Instant.now().plusSeconds(2)); // two more of each after the load
        end = Instant.now();
    }

    /** Waits until Prometheus holds a scraped sample and a rule's sample both stamped after {@code after}. */
    private void awaitScrapeAndRulesAfter(Instant after) throws Exception {
        for (String series : List.of("gil4j_mode_active", "gil4j:work_parallelism:rate1m")) {
            String newer = "timestamp(" + series + ") > " + after.getEpochSecond();
            Eventually.awaitValue(
                    series + " stamped after " + after,
                    Duration.ofSeconds(30),
                    Duration.ofMillis(100),
                    () -> prometheus.hasData(newer) ? Optional.of(true) : Optional.empty(),
                    this::prometheusLog);
        }
    }

    private String prometheusLog() {
        try {
            return "\n" + prometheus.log();
        } catch (IOException e) {
            return "(the Prometheus log unreadable: " + e + ")";
        }
    }

    /**
     * Waits for the service's next switch to {@code gil} (one comes within a cycle, and the load lasts longer)
     * and runs {@code advise} on it, its sampling window inside the stay.
     */
    private void adviseInTheNextGilStay(Duration timeout) throws Exception {
        long switchesBefore = gilSwitches();
        Eventually.await(
                "the service's next switch to gil",
                timeout,
                Duration.ofMillis(50),
                () -> gilSwitches() > switchesBefore,
                service::toString);
        ForkedProcess.Result advise = ForkedProcess.run(
                List.of(
                        ForkedProcess.currentJava(),
                        "-jar",
                        DemoService.AGENT_JAR.toAbsolutePath().toString(),
                        "advise",
                        Long.toString(service.pid()),
                        "--duration",
                        "4s",
                        "--measure",
                        "2s",
                        "--top",
                        "3"),
                Map.of(),
                timeout);
        assertEquals(0, advise.exitCode(), "advise during the gil stay:\n" + advise);
    }

    private long gilSwitches() {
        return service.stderr().stream()
                .filter(line -> line.contains("serve: mode gil "))
                .count();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {service, prometheus}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void every_dashboard_query_returns_data_under_load() throws Exception {
        List<String> empty = new ArrayList<>();
        int asked = 0;
        for (ShippedFiles.DashboardQuery query : ShippedFiles.queries()) {
            String answer = prometheus.queryRange(query.promql(), start, end, Duration.ofSeconds(1));
            assertTrue(answer.contains("\"status\":\"success\""), query + ": " + answer);
            asked++;
            if (!answer.contains("\"result\":[{") && !MAY_BE_EMPTY.containsKey(query.where())) {
                empty.add(query.where() + ": " + query.promql());
            }
        }
        assertEquals(List.of(), empty, "queries without data, of " + asked + "\n" + prometheus.log());
        assertTrue(asked > 50, "only " + asked + " queries found in the dashboards");
    }

    /**
     * Against every name Prometheus scraped from the agent over the run, not one scrape: a gauge such as
     * {@code gil4j_speedup} is rightly absent while a new mode warms up.
     */
    @Test
    void every_metric_a_dashboard_names_is_in_the_agents_exposition() throws Exception {
        String scraped = prometheus.metricNames(start, end);
        Set<String> missing = new TreeSet<>();
        for (String metric : metricsNamed()) {
            if (!scraped.contains("\"" + metric + "\"")) {
                missing.add(metric);
            }
        }
        assertEquals(
                Set.of(),
                missing,
                "named by a dashboard, never scraped: " + scraped + "\nnow:\n"
                        + Scrape.of(metricsUrl).text());
    }

    @Test
    void the_recording_rules_have_data() throws Exception {
        for (String rule : List.of(
                "gil4j:work_parallelism:rate1m",
                "gil4j:core_busy:ratio_rate1m",
                "gil4j:lock_contention:ratio_rate5m")) {
            String answer = prometheus.queryRange(rule, start, end, Duration.ofSeconds(1));
            assertTrue(answer.contains("\"result\":[{"), rule + ": " + answer + "\n" + prometheus.log());
        }
    }

    private static Set<String> metricsNamed() throws Exception {
        Set<String> metrics = new TreeSet<>();
        for (ShippedFiles.DashboardQuery query : ShippedFiles.queries()) {
            Matcher metric = METRIC.matcher(query.promql());
            while (metric.find()) {
                metrics.add(metric.group(1) != null ? metric.group(1) : metric.group(2));
            }
        }
        assertTrue(metrics.size() > 20, "metrics found: " + metrics);
        return metrics;
    }
}
