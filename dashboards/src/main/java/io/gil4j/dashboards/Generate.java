package io.gil4j.dashboards;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the JSON of every dashboard in {@link Catalogue} to {@code dashboards/grafana/dashboards/}, where
 * Grafana's provisioning loads it and where it is committed, and the panel reference of
 * {@code docs/dashboards.md} (between its {@link #BEGIN} and {@link #END} markers). Run after changing the
 * catalogue:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl dashboards compile exec:java
 * }</pre>
 *
 * {@code DashboardJsonTest} fails while the committed files differ from what this writes.
 */
public final class Generate {

    /** Where the dashboards' JSON lies, from this module's directory. */
    public static final Path DIRECTORY = Paths.get("grafana", "dashboards");
    /** The page whose panel reference is generated, from this module's directory. */
    public static final Path DOCS = Paths.get("..", "docs", "dashboards.md");
    /** The line after which {@link #DOCS} holds the generated panel reference. */
    public static final String BEGIN = "<!-- generated from the catalogue: begin -->";
    /** The line before which the generated panel reference ends. */
    public static final String END = "<!-- generated from the catalogue: end -->";

    private Generate() {}

    /** Each dashboard's file name ({@code gil.json}) and its JSON text, as written. */
    public static Map<String, String> files() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        Map<String, String> files = new LinkedHashMap<>();
        for (Dashboard dashboard : Catalogue.all()) {
            String name = dashboard.uid().substring("gil4j-".length()) + ".json";
            files.put(name, mapper.writer(printer).writeValueAsString(dashboard.json()) + "\n");
        }
        return files;
    }

    /**
     * {@code page} with the text between {@link #BEGIN} and {@link #END} replaced by the panel reference:
     * each dashboard, each panel's title, how to read it, and its queries.
     *
     * @throws IllegalArgumentException if the page lacks either marker
     */
    public static String withPanelReference(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no " + BEGIN + " ... " + END + " in the page");
        }
        StringBuilder reference = new StringBuilder();
        for (Dashboard dashboard : Catalogue.all()) {
            reference
                    .append("\n### ")
                    .append(dashboard.title())
                    .append(" (`")
                    .append(dashboard.uid())
                    .append("`)\n\n")
                    .append(dashboard.description())
                    .append("\n");
            for (Panel panel : dashboard.panels()) {
                if (panel.isRow()) {
                    reference.append("\n#### ").append(panel.title()).append("\n");
                    continue;
                }
                reference
                        .append("\n**")
                        .append(panel.title())
                        .append("** (")
                        .append(panel.kind())
                        .append(", unit `")
                        .append(panel.unit())
                        .append("`). ")
                        .append(panel.description())
                        .append("\n\n```promql\n");
                for (Query query : panel.queries()) {
                    reference.append(query.expr()).append("\n");
                }
                reference.append("```\n");
            }
        }
        return page.substring(0, begin + BEGIN.length()) + "\n" + reference + "\n" + page.substring(end);
    }

    /**
     * Writes the dashboards under {@link #DIRECTORY} and the panel reference into {@link #DOCS}, both
     * resolved against {@code args[0]}, this module's directory (default: the working directory).
     */
    public static void main(String[] args) throws IOException {
        Path module = Paths.get(args.length > 0 ? args[0] : "");
        Path directory = module.resolve(DIRECTORY);
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + directory.resolve(file.getKey()));
        }
        Path docs = module.resolve(DOCS);
        Files.writeString(
                docs, withPanelReference(Files.readString(docs, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        System.out.println("wrote " + docs.normalize());
    }
}
