package io.gil4j.demo.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo service under a saturating load, cycling through every mode, with the agent's Prometheus
 * endpoint scraped at the end of each mode's stay and a real Prometheus server scraping it all along.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveMetricsIT {

    /** The order the service cycles in: the baseline first, so that every later mode has a speedup. */
    private static final List<String> MODES = List.of("sequential", "gil", "interpreters", "processes", "native");
    /** Long enough for the speedup's warm-up (2 s) and three samples, with slack for a loaded machine. */
    private static final Duration DWELL = Duration.ofSeconds(9);

    /** Every family of the catalogue (docs/metrics.md), as Prometheus names its samples. */
    private static final List<String> FAMILIES = List.of(
            "gil4j_lock_wait_duration_seconds_bucket",
            "gil4j_lock_hold_duration_seconds_bucket",
            "gil4j_lock_time_seconds_total",
            "gil4j_lock_switches_total",
            "gil4j_lock_acquisitions_total",
            "gil4j_pool_threads",
            "gil4j_pool_queue_limit",
            "gil4j_pool_task_wait_time_seconds_bucket",
            "gil4j_pool_worker_starts_total",
            "gil4j_task_duration_seconds_bucket",
            "gil4j_work_cpu_time_seconds_total",
            "system_cpu_time_seconds_total",
            "gil4j_mode_active",
            "gil4j_mode_transitions_total",
            "gil4j_speedup",
            "jvm_cpu_time_seconds_total",
            "jvm_threads",
            "jvm_memory_used_bytes",
            "jvm_gc_duration_seconds_count");
    /** Families that are right to read zero in a healthy run: nothing waited, nobody was refused, nothing failed. */
    private static final List<String> MAY_BE_ZERO = List.of(
            "gil4j_lock_waiting",
            "gil4j_pool_queue_length",
            "gil4j_pool_task_rejected_total",
            "gil4j_pool_worker_deaths_total",
            "gil4j_agent_failures_total");

    private DemoService service;
    private DemoService load;
    private PrometheusTools.Server prometheus;
    private String metricsUrl;
    private final Map<String, Scrape> endOfStay = new LinkedHashMap<>();

    @BeforeAll
    void cycle_through_the_modes_under_load() throws Exception {
        int metricsPort = DemoService.freePort();
        metricsUrl = "http://127.0.0.1:" + metricsPort + "/metrics";
        service = DemoService.serveCycling(metricsPort, MODES, DWELL);
        String url = service.servingUrl(Duration.ofSeconds(60));
        if (PrometheusTools.available()) {
            prometheus = PrometheusTools.Server.start("gil4j", List.of("127.0.0.1:" + metricsPort));
        }
        Duration all = DWELL.multipliedBy(MODES.size());
        load = DemoService.start(
                List.of(),
                Map.of(),
                "load",
                "--url",
                url + "/work",
                "--concurrency",
                "4",
                "--duration",
                all.toSeconds() + "s");
        // the service's own mode comes before the cycle begins
        Scrape.until(
                metricsUrl,
                Duration.ofSeconds(60),
                s -> active(s).equals(Optional.of(MODES.get(0))),
                "the cycle's first mode, " + MODES.get(0));
        for (String mode : MODES) {
            boolean lastMode = mode.equals(MODES.get(MODES.size() - 1));
            long stayStarted = System.nanoTime();
            Scrape[] lastInStay = {null};
            Scrape next = Scrape.until(
                    metricsUrl,
                    DWELL.plusSeconds(30),
                    s -> {
                        if (!active(s).equals(Optional.of(mode))) {
                            return active(s).isPresent(); // the next stay has begun
                        }
                        lastInStay[0] = s;
                        // the last stay has no successor to end it
                        return lastMode
                                && System.nanoTime() - stayStarted
                                        > DWELL.minusMillis(1500).toNanos();
                    },
                    "the end of the " + mode + " stay");
            Scrape end = lastMode ? next : lastInStay[0];
            assertTrue(end != null, "no scrape during the " + mode + " stay, the next began at once" + service);
            endOfStay.put(mode, end);
        }
        assertEquals(MODES, new ArrayList<>(endOfStay.keySet()), "a scrape at the end of each stay" + service);
    }

    private static Optional<String> active(Scrape scrape) {
        return scrape.samples("gil4j_mode_active").stream()
                .filter(s -> s.value() == 1)
                .map(s -> s.labels().replaceAll(".*gil4j_mode=\"([a-z]+)\".*", "$1"))
                .findFirst();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {load, service, prometheus}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void every_family_of_the_catalogue_has_data_once_every_mode_ran() {
        Scrape end = endOfStay.get("native");
        for (String family : FAMILIES) {
            assertTrue(end.hasData(family), family + " has no data:\n" + end.text());
        }
        for (String family : MAY_BE_ZERO) {
            assertTrue(!end.samples(family).isEmpty(), family + " is missing:\n" + end.text());
        }
    }

    @Test
    void each_mode_shows_its_own_marked_calls_locks_and_pools() {
        for (String mode : MODES) {
            Scrape scrape = endOfStay.get(mode);
            assertTrue(
                    scrape.samples("gil4j_task_duration_seconds_count").stream()
                            .anyMatch(s -> s.has("gil4j_mode", mode) && s.value() > 0),
                    "no marked calls in " + mode);
        }
        assertTrue(
                endOfStay.get("gil").samples("gil4j_lock_time_seconds_total").stream()
                        .anyMatch(s -> s.has("gil4j_lock", "main")
                                && s.has("gil4j_mode", "gil")
                                && s.has("gil4j_lock_state", "wait")
                                && s.value() > 0),
                "nobody waited for the main lock under gil");
        assertTrue(
                endOfStay.get("gil").samples("gil4j_lock_switches_total").stream()
                        .anyMatch(s -> s.has("gil4j_switch_reason", "forced") && s.value() > 0),
                "no forced switch under gil");
        assertTrue(
                endOfStay.get("interpreters").samples("gil4j_lock_hold_duration_seconds_count").stream()
                        .anyMatch(s -> s.has("gil4j_lock", "interpreter-2") && s.value() > 0),
                "interpreter-2 never held");
        for (String pool : List.of("sequential", "interpreters", "processes")) {
            assertTrue(
                    endOfStay.get(pool).samples("gil4j_work_cpu_time_seconds_total").stream()
                            .anyMatch(s -> s.has("gil4j_pool", pool) && s.value() > 0),
                    "no CPU time on pool " + pool);
        }
        assertTrue(endOfStay.get("native").samples("gil4j_work_cpu_time_seconds_total").stream()
                .anyMatch(s -> s.has("gil4j_pool", "inline") && s.has("gil4j_mode", "native") && s.value() > 0));
    }

    @Test
    void the_interpreters_speedup_shows_under_saturating_load() {
        double interpreters = speedupAtEndOf("interpreters");
        double gil = speedupAtEndOf("gil");
        assertTrue(interpreters > 1.3, "interpreters over sequential on 2 cores: " + interpreters);
        assertTrue(gil < interpreters, "gil " + gil + " is not below interpreters " + interpreters);
    }

    private double speedupAtEndOf(String mode) {
        return endOfStay.get(mode).samples("gil4j_speedup").stream()
                .filter(s -> s.has("gil4j_mode", mode))
                .mapToDouble(Scrape.Sample::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no speedup at the end of " + mode + ":\n"
                        + endOfStay.get(mode).text()));
    }

    @Test
    void promtool_finds_nothing_to_lint_in_any_mode() throws Exception {
        for (Map.Entry<String, Scrape> stay : endOfStay.entrySet()) {
            assertEquals(
                    "", PrometheusTools.lint(stay.getValue().text()), "promtool on the scrape of " + stay.getKey());
        }
    }

    @Test
    void a_real_prometheus_server_scraped_the_agent_and_answers_for_locks_pools_cores_and_speedup() throws Exception {
        PrometheusTools.require(PrometheusTools.PROMETHEUS);
        List<String> queries = List.of(
                "up{job=\"gil4j\"} == 1",
                "gil4j_lock_wait_duration_seconds_bucket{gil4j_lock=\"main\"}",
                "sum by (gil4j_lock) (rate(gil4j_lock_time_seconds_total{gil4j_lock_state=\"held\"}[1m]))",
                "gil4j_pool_threads{gil4j_pool=\"interpreters\"}",
                "sum by (cpu_logical_number) (rate(system_cpu_time_seconds_total{cpu_mode!=\"idle\"}[1m]))",
                "max_over_time(gil4j_speedup[5m])");
        for (String query : queries) {
            assertTrue(
                    prometheus.hasData(query),
                    query + " returned nothing: " + prometheus.query(query) + "\n" + prometheus.log());
        }
    }

    @Test
    void the_agent_wrote_no_warning_and_the_load_got_every_answer() throws Exception {
        assertEquals(List.of(), service.agentLines());
        assertEquals(0, load.waitFor(Duration.ofSeconds(60)), load.toString());
        String result = load.stdout().lines().skip(1).findFirst().orElseThrow();
        assertEquals("0", result.trim().split("\\s+")[1], "errors, in: " + load.stdout());
    }
}
