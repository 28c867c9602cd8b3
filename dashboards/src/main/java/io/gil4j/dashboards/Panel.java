package io.gil4j.dashboards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One panel of a dashboard, as Grafana's JSON model has it: a kind, a title, a description that says how
 * to read it, its queries, and the unit of its values. Placement and ids are the {@link Dashboard}'s.
 *
 * @param kind Grafana's panel type: {@code timeseries}, {@code stat}, {@code bargauge}, {@code heatmap}, or
 *     {@code row}
 * @param title the title
 * @param description how to read the panel, shown behind its (i) icon
 * @param unit Grafana's unit of the values ({@code s}, {@code percentunit}, {@code none})
 * @param queries the queries, in order (none for a row)
 */
public record Panel(String kind, String title, String description, String unit, List<Query> queries) {

    static Panel timeseries(String title, String unit, String description, Query... queries) {
        return new Panel("timeseries", title, description, unit, List.of(queries));
    }

    static Panel stat(String title, String unit, String description, Query... queries) {
        return new Panel("stat", title, description, unit, List.of(queries));
    }

    /** Horizontal bars of each series' last value, largest first: a ranking. */
    static Panel bars(String title, String unit, String description, Query query) {
        return new Panel("bargauge", title, description, unit, List.of(query));
    }

    /** A heatmap of a histogram's buckets over time, or, with {@code buckets} false, of one series a row. */
    static Panel heatmap(String title, String unit, String description, Query query) {
        return new Panel("heatmap", title, description, unit, List.of(query));
    }

    static Panel row(String title) {
        return new Panel("row", title, "", "none", List.of());
    }

    boolean isRow() {
        return kind.equals("row");
    }

    /** The panel's JSON, with {@code id} and its place. */
    ObjectNode json(int id, int x, int y, int w, int h) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode panel = f.objectNode();
        panel.put("id", id);
        panel.put("type", kind);
        panel.put("title", title);
        ObjectNode grid = panel.putObject("gridPos");
        grid.put("h", h).put("w", w).put("x", x).put("y", y);
        if (isRow()) {
            panel.put("collapsed", false);
            panel.putArray("panels");
            return panel;
        }
        panel.put("description", description);
        panel.set("datasource", Dashboard.datasource());
        char refId = 'A';
        var targets = panel.putArray("targets");
        for (Query query : queries) {
            ObjectNode target = targets.addObject();
            target.put("refId", String.valueOf(refId++));
            target.set("datasource", Dashboard.datasource());
            target.put("expr", query.expr());
            target.put("legendFormat", query.legend());
            target.put("range", true);
            if (kind.equals("heatmap") && query.legend().equals("{{le}}")) {
                target.put("format", "heatmap");
            }
        }
        ObjectNode fieldConfig = panel.putObject("fieldConfig");
        fieldConfig.putObject("defaults").put("unit", unit);
        fieldConfig.putArray("overrides");
        ObjectNode options = panel.putObject("options");
        switch (kind) {
            case "stat":
                options.putObject("reduceOptions")
                        .put("values", false)
                        .put("fields", "")
                        .putArray("calcs")
                        .add("lastNotNull");
                options.put("textMode", unit.equals("none") ? "name" : "value_and_name");
                options.put("colorMode", "value");
                options.put("graphMode", "none");
                break;
            case "bargauge":
                options.putObject("reduceOptions")
                        .put("values", false)
                        .put("fields", "")
                        .putArray("calcs")
                        .add("lastNotNull");
                options.put("orientation", "horizontal");
                options.put("displayMode", "basic");
                break;
            case "heatmap":
                options.put("calculate", false);
                options.putObject("yAxis").put("unit", unit);
                options.putObject("color").put("mode", "scheme").put("scheme", "Oranges");
                options.putObject("cellValues").put("unit", "short");
                break;
            default:
                options.putObject("legend")
                        .put("displayMode", "list")
                        .put("placement", "bottom")
                        .put("showLegend", true);
                options.putObject("tooltip").put("mode", "multi").put("sort", "desc");
        }
        return panel;
    }
}
