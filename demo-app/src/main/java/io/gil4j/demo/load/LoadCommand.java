package io.gil4j.demo.load;

import io.gil4j.demo.cli.Converters;
import io.gil4j.demo.cli.ReportOutput;
import io.gil4j.demo.cli.Subcommand;
import io.gil4j.demo.report.OutputFormat;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code load}: drives a URL with a closed-loop load and prints throughput and latency percentiles on
 * standard output; progress goes to standard error every second. Exits 0 when at least one request was
 * answered, 1 when none was.
 */
@Command(
        name = "load",
        header = "Drives a URL with a fixed number of clients, prints throughput and latency.",
        description = "Each client sends its next GET when its previous one is answered. Progress every"
                + " second on standard error; throughput and latency percentiles on standard output.")
public final class LoadCommand implements Subcommand {

    @Option(
            names = "--url",
            paramLabel = "URL",
            required = true,
            converter = HttpUrl.class,
            description = "the URL to load, such as http://127.0.0.1:8080/work (required)")
    URI url;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            defaultValue = "20s",
            converter = Converters.Seconds.class,
            description = "how long to load (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            converter = Converters.PositiveInt.class,
            description = "clients, requests in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Mixin
    final ReportOutput output = new ReportOutput(OutputFormat.TABLE);

    @Override
    public int run() throws InterruptedException {
        PrintWriter err = output.err();
        err.printf(Locale.ROOT, "load: %s, %d clients, %d s%n", url, concurrency, duration.toSeconds());
        LoadResult result = new Load(url, duration, concurrency, err::println).run();
        output.print(result.report());
        if (result.requests() == 0) {
            err.println("load: error: no request was answered (" + result.errors() + " failed): is the service up?");
            return ExitCode.SOFTWARE;
        }
        return ExitCode.OK;
    }

    /** An http URL with a host, for {@code --url}. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            try {
                URI uri = URI.create(text);
                if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException malformed) {
                // reported below with the accepted form
            }
            throw new TypeConversionException(
                    "must be an http URL with a host, such as http://127.0.0.1:8080/work," + " got '" + text + "'");
        }
    }
}
