package io.gil4j.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One dashboard: a stable uid, a title, the template variables it needs beyond the data source, job and
 * instance that every one has, and its panels in order; {@link #json()} lays them out (rows full width,
 * other panels two to a line) and numbers them.
 *
 * <p>Every dashboard draws mode switches as annotations: a point where the mode that is active now was not
 * active a scrape interval ago, labelled with the new mode.
 *
 * @param uid the stable uid, such as {@code gil4j-gil}; links and provisioning refer to it
 * @param title the title
 * @param description what the dashboard is for
 * @param variables the variables beyond data source, job and instance
 * @param panels the panels, in order
 */
public record Dashboard(String uid, String title, String description, List<Variable> variables, List<Panel> panels) {

    /** The schema version the JSON follows (Grafana 10.4 to 11 import it as it is). */
    static final int SCHEMA_VERSION = 39;
    /** The annotation query of mode switches. */
    static final String MODE_SWITCHES = "(" + Query.of("gil4j_mode_active")
            + " == 1) and on (job, instance, gil4j_mode) (" + Query.of("gil4j_mode_active") + " offset 30s == 0)";

    /**
     * A template variable filled from {@code label_values(metric, label)}.
     *
     * @param name the variable's name ({@code mode} for {@code $mode})
     * @param label its label in the dashboard's header
     * @param metric the metric whose label values fill it
     * @param promLabel the label
     * @param all true if several values, or all, may be chosen; false for one (the first, sorted, by default)
     */
    public record Variable(String name, String label, String metric, String promLabel, boolean all) {

        /** A variable of which any values, or all, may be chosen. */
        Variable(String name, String label, String metric, String promLabel) {
            this(name, label, metric, promLabel, true);
        }
    }

    /**
     * The job is chosen alone: the same JVM may be scraped twice, at its own endpoint (job {@code gil4j} in
     * docker-compose.yml) and through the OpenTelemetry Collector, and summing both would count it twice.
     */
    private static final List<Variable> EVERY = List.of(
            new Variable("job", "Job", "gil4j_mode_active", "job", false),
            new Variable("instance", "Instance", "gil4j_mode_active{job=~\"$job\"}", "instance"));

    static ObjectNode datasource() {
        return JsonNodeFactory.instance.objectNode().put("type", "prometheus").put("uid", "${datasource}");
    }

    /** The JSON Grafana loads. */
    ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode dashboard = f.objectNode();
        dashboard.putNull("id");
        dashboard.put("uid", uid);
        dashboard.put("title", title);
        dashboard.put("description", description);
        dashboard.putArray("tags").add("gil4j");
        dashboard.put("timezone", "browser");
        dashboard.put("editable", true);
        dashboard.put("graphTooltip", 1);
        dashboard.put("refresh", "10s");
        dashboard.put("schemaVersion", SCHEMA_VERSION);
        dashboard.put("version", 1);
        dashboard.putObject("time").put("from", "now-30m").put("to", "now");
        ArrayNode links = dashboard.putArray("links");
        links.addObject()
                .put("title", "gil4j")
                .put("type", "dashboards")
                .put("asDropdown", true)
                .put("includeVars", true)
                .put("keepTime", true)
                .putArray("tags")
                .add("gil4j");
        ArrayNode list = dashboard.putObject("templating").putArray("list");
        list.addObject()
                .put("name", "datasource")
                .put("label", "Data source")
                .put("type", "datasource")
                .put("query", "prometheus")
                .put("hide", 0)
                .putObject("current");
        for (Variable variable : concat(EVERY, variables)) {
            String query = "label_values(" + variable.metric() + ", " + variable.promLabel() + ")";
            ObjectNode v = list.addObject();
            v.put("name", variable.name()).put("label", variable.label()).put("type", "query");
            v.set("datasource", datasource());
            v.put("definition", query);
            v.putObject("query").put("query", query).put("refId", variable.name());
            v.put("refresh", 2)
                    .put("includeAll", variable.all())
                    .put("multi", variable.all())
                    .put("sort", 1);
            if (variable.all()) {
                v.put("allValue", ".*");
                v.putObject("current").put("text", "All").put("value", "$__all");
            } else {
                v.putObject("current");
            }
        }
        ObjectNode switches =
                dashboard.putObject("annotations").putArray("list").addObject();
        switches.put("name", "Mode switches").put("enable", true).put("iconColor", "orange");
        switches.set("datasource", datasource());
        switches.put("expr", MODE_SWITCHES)
                .put("step", "30s")
                .put("titleFormat", "Mode switch")
                .put("textFormat", "now {{gil4j_mode}} on {{instance}}")
                .put("useValueForTime", false);
        ArrayNode panelsJson = dashboard.putArray("panels");
        int id = 1;
        int x = 0;
        int y = 0;
        for (Panel panel : panels) {
            if (panel.isRow()) {
                if (x > 0) {
                    y += 8;
                    x = 0;
                }
                panelsJson.add(panel.json(id++, 0, y, 24, 1));
                y += 1;
                continue;
            }
            panelsJson.add(panel.json(id++, x, y, 12, 8));
            x += 12;
            if (x == 24) {
                x = 0;
                y += 8;
            }
        }
        return dashboard;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
