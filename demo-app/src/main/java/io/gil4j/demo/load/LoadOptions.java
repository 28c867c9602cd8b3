package io.gil4j.demo.load;

import io.gil4j.demo.cli.Args;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.report.OutputFormat;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code load}, parsed and checked.
 *
 * @param url what every request gets
 * @param duration how long the load lasts
 * @param concurrency how many requests are in flight at once (each client sends its next request when its
 *     previous one is answered)
 * @param format how the result is written
 * @param help true if {@code --help} was given
 */
public record LoadOptions(URI url, Duration duration, int concurrency, OutputFormat format, boolean help) {

    /** The subcommand's name. */
    public static final String COMMAND = "load";

    /** What {@code load --help} prints. */
    public static final String USAGE = String.join("\n",
            "usage: gil4j-demo load --url URL [options]",
            "  Sends GET requests to URL from a fixed number of clients, each waiting for its answer before it",
            "  sends the next, prints progress every second on standard error, and at the end the throughput",
            "  and latency percentiles on standard output.",
            "  --url URL            the URL to load, such as http://127.0.0.1:8080/work (required)",
            "  --duration DURATION  how long to load (default 20s)",
            "  --concurrency N      clients, requests in flight at once (default 4)",
            "  --format table|csv   output format (default table)",
            "  --help               print this help",
            "");

    private static final List<String> OPTIONS = List.of("url", "duration", "concurrency", "format");
    private static final Map<String, OutputFormat> FORMATS = Args.labelled(OutputFormat::label, OutputFormat.values());

    /**
     * Parses the arguments that follow {@code load}.
     *
     * @throws UsageException naming the bad option or value and what is accepted
     */
    public static LoadOptions parse(List<String> args) throws UsageException {
        Args parsed = Args.parse(COMMAND, OPTIONS, args);
        String url = parsed.text("url", null);
        if (url == null && !parsed.help()) {
            throw new UsageException(COMMAND + ": --url is required, such as --url http://127.0.0.1:8080/work");
        }
        return new LoadOptions(url == null ? null : uri(url), parsed.duration("duration", Duration.ofSeconds(20)),
                parsed.positiveInt("concurrency", 4), parsed.choice("format", OutputFormat.TABLE, FORMATS),
                parsed.help());
    }

    private static URI uri(String url) throws UsageException {
        try {
            URI uri = URI.create(url);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the accepted form
        }
        throw new UsageException(COMMAND + ": --url must be an http URL with a host, such as"
                + " http://127.0.0.1:8080/work, got '" + url + "'");
    }
}
