package io.gil4j.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed dashboards: current with the catalogue, and well-formed for Grafana. */
class DashboardJsonTest {

    @Test
    void committed_json_is_what_the_catalogue_generates() throws IOException {
        Map<String, String> generated = Generate.files();
        try (var committed = Files.list(Generate.DIRECTORY)) {
            assertEquals(
                    generated.keySet(),
                    committed.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "the files under " + Generate.DIRECTORY
                            + "; regenerate: ./mvnw -B -q -pl dashboards compile exec:java");
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertEquals(
                    file.getValue(),
                    Files.readString(Generate.DIRECTORY.resolve(file.getKey()), StandardCharsets.UTF_8),
                    file.getKey() + " is stale; regenerate: ./mvnw -B -q -pl dashboards compile exec:java");
        }
    }

    @Test
    void the_panel_reference_in_the_docs_is_what_the_catalogue_generates() throws IOException {
        String page = Files.readString(Generate.DOCS, StandardCharsets.UTF_8);
        assertEquals(
                Generate.withPanelReference(page),
                page,
                Generate.DOCS + " is stale; regenerate: ./mvnw -B -q -pl dashboards compile exec:java");
    }

    @Test
    void every_dashboard_has_a_schema_version_a_unique_uid_and_unique_panel_ids() throws IOException {
        Set<String> uids = new HashSet<>();
        for (JsonNode dashboard : ShippedFiles.dashboards()) {
            String uid = dashboard.path("uid").asText();
            assertTrue(uids.add(uid), "uid " + uid + " twice");
            assertTrue(uid.matches("[a-z0-9-]{1,40}"), "Grafana takes uids of at most 40 characters: " + uid);
            int schema = dashboard.path("schemaVersion").asInt();
            assertTrue(schema >= 39 && schema <= 42, uid + " schemaVersion " + schema);
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertTrue(ids.add(panel.path("id").asInt()), uid + ": panel id " + panel.path("id") + " twice");
            }
            assertFalse(ids.isEmpty(), uid + " has no panels");
        }
        assertEquals(Set.of("gil4j-overview", "gil4j-gil", "gil4j-pools", "gil4j-cores"), uids);
    }

    @Test
    void every_dashboard_is_templated_by_data_source_job_and_instance_and_draws_mode_switches() throws IOException {
        for (JsonNode dashboard : ShippedFiles.dashboards()) {
            List<String> variables = ShippedFiles.stream(
                            dashboard.path("templating").path("list"))
                    .map(v -> v.path("name").asText())
                    .toList();
            assertEquals(
                    List.of("datasource", "job", "instance"),
                    variables.subList(0, 3),
                    dashboard.path("uid").asText());
            assertEquals(
                    "prometheus",
                    dashboard
                            .path("templating")
                            .path("list")
                            .get(0)
                            .path("query")
                            .asText());
            JsonNode annotation = dashboard.path("annotations").path("list").get(0);
            assertEquals(Dashboard.MODE_SWITCHES, annotation.path("expr").asText());
        }
    }

    @Test
    void every_panel_and_query_reads_the_templated_data_source() throws IOException {
        for (JsonNode dashboard : ShippedFiles.dashboards()) {
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                String where = dashboard.path("uid").asText() + " / "
                        + panel.path("title").asText();
                assertEquals(
                        "${datasource}", panel.path("datasource").path("uid").asText(), where);
                assertFalse(panel.path("targets").isEmpty(), where + " has no query");
                for (JsonNode target : panel.path("targets")) {
                    assertEquals(
                            "${datasource}",
                            target.path("datasource").path("uid").asText(),
                            where);
                    assertTrue(
                            target.path("expr").asText().contains("job=~\"$job\""),
                            where + " ignores $job: " + target.path("expr").asText());
                }
            }
        }
    }

    @Test
    void the_dashboards_cover_what_users_came_for() throws IOException {
        Map<String, Set<String>> titles = ShippedFiles.dashboards().stream()
                .collect(Collectors.toMap(
                        d -> d.path("uid").asText(),
                        d -> ShippedFiles.stream(d.path("panels"))
                                .map(p -> p.path("title").asText())
                                .collect(Collectors.toSet())));
        assertTrue(titles.get("gil4j-overview")
                .containsAll(Set.of(
                        "Current mode",
                        "Speedup over the baseline",
                        "Effective parallelism against cores",
                        "Throughput of marked calls",
                        "Latency of marked calls",
                        "JVM",
                        "Heap",
                        "GC time",
                        "Threads")));
        assertTrue(titles.get("gil4j-gil")
                .containsAll(Set.of(
                        "Lock utilization",
                        "Waiters, average and now",
                        "Wait percentiles",
                        "Wait heatmap",
                        "Hold percentiles",
                        "Hold heatmap",
                        "Switches by reason",
                        "Contention share")));
        assertTrue(titles.get("gil4j-pools")
                .containsAll(Set.of(
                        "Active and idle workers",
                        "Queue length against limit",
                        "Queue wait",
                        "Rejected calls",
                        "CPU per pool")));
        assertTrue(titles.get("gil4j-cores")
                .containsAll(Set.of(
                        "Per-core utilization",
                        "Per-core utilization heatmap",
                        "Busy cores against available",
                        "JVM CPU")));
    }
}
