package io.gil4j.demo.load;

import io.gil4j.demo.Main;
import io.gil4j.demo.cli.Choices;
import io.gil4j.demo.cli.Converters;
import io.gil4j.demo.report.OutputFormat;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code load}: drives a URL with a closed-loop load and prints throughput and latency percentiles on
 * standard output; progress goes to standard error every second. Exits 0 when at least one request was
 * answered, 1 when none was.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        header = "Drives a URL with a fixed number of clients, prints throughput and latency.",
        description = {"Sends GET requests to URL from a fixed number of clients, each waiting for its answer"
                + " before it sends the next, prints progress every second on standard error, and at the end"
                + " the throughput and latency percentiles on standard output."})
public final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", required = true, converter = HttpUrl.class,
            description = "the URL to load, such as http://127.0.0.1:8080/work (required)")
    URI url;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s", converter = Converters.Seconds.class,
            description = "how long to load (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", converter = Converters.PositiveInt.class,
            description = "clients, requests in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Choices.Formats.class,
            completionCandidates = Choices.Formats.class,
            description = "output format, ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "load: %s, %d clients, %d s%n", url, concurrency, duration.toSeconds());
        LoadResult result = new Load(url, duration, concurrency, err::println).run();
        out.print(format.render(result.report()));
        out.flush();
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
            throw new TypeConversionException("must be an http URL with a host, such as http://127.0.0.1:8080/work,"
                    + " got '" + text + "'");
        }
    }
}
