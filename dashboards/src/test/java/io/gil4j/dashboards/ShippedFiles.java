package io.gil4j.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The files this module ships, as the tests read them (from the module's directory, where Maven runs
 * them), and every PromQL query in the committed dashboards' JSON, the way Grafana would send it.
 */
final class ShippedFiles {

    static final Path PROVISIONING = Paths.get("grafana", "provisioning");
    static final Path PROMETHEUS_CONFIG = Paths.get("prometheus", "prometheus.yml");
    static final Path RULES = Paths.get("prometheus", "rules.yml");
    static final Path RULES_TEST = Paths.get("prometheus", "rules_test.yml");
    static final Path COMPOSE = Paths.get("..", "docker-compose.yml");

    /**
     * What a query is asked with: "All" for every multi-value variable, the job the tests' Prometheus gives
     * the agent, and the rate interval Grafana computes for a one-second scrape (four scrapes).
     */
    static final Map<String, String> VARIABLES = Map.of(
            "$job", "gil4j", "$instance", ".*", "$mode", ".*", "$lock", ".*", "$pool", ".*", "$__rate_interval", "4s");

    private ShippedFiles() {}

    /**
     * One query of a dashboard.
     *
     * @param where the dashboard's uid and the panel, variable or annotation that holds it
     * @param promql the query with Grafana's variables substituted
     */
    record DashboardQuery(String where, String promql) {}

    /** The committed dashboards, parsed. */
    static List<JsonNode> dashboards() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(Generate.DIRECTORY)) {
            for (Path file : files.sorted().toList()) {
                dashboards.add(mapper.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    /** Every query of every committed dashboard: panel targets, variables ({@code label_values}), annotations. */
    static List<DashboardQuery> queries() throws IOException {
        List<DashboardQuery> queries = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            String uid = dashboard.path("uid").asText();
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new DashboardQuery(
                            uid + " / " + panel.path("title").asText() + " / "
                                    + target.path("refId").asText(),
                            substitute(target.path("expr").asText())));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                String definition = variable.path("definition").asText();
                if (definition.startsWith("label_values(")) {
                    // label_values(metric, label) lists the label's values among the metric's series.
                    String selector = definition.substring("label_values(".length(), definition.lastIndexOf(','));
                    queries.add(new DashboardQuery(
                            uid + " / $" + variable.path("name").asText(), substitute(selector)));
                }
            }
            for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                queries.add(new DashboardQuery(
                        uid + " / annotation " + annotation.path("name").asText(),
                        substitute(annotation.path("expr").asText())));
            }
        }
        return queries;
    }

    static String substitute(String promql) {
        String result = promql;
        // Longest names first, so that $__rate_interval is not taken for a shorter variable.
        for (String name : VARIABLES.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .toList()) {
            result = result.replace(name, VARIABLES.get(name));
        }
        if (result.contains("$")) {
            throw new AssertionError("a variable the tests do not fill: " + promql);
        }
        return result;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(array.elements(), 0), false);
    }
}
