package io.gil4j.demo.load;

import io.gil4j.demo.Command;
import io.gil4j.demo.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code load}: drives a URL with a closed-loop load and prints throughput and latency percentiles. */
public final class LoadCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        LoadOptions options = LoadOptions.parse(args);
        if (options.help()) {
            out.print(LoadOptions.USAGE);
            return OK;
        }
        err.printf(Locale.ROOT, "load: %s, %d clients, %d s%n", options.url(), options.concurrency(),
                options.duration().toSeconds());
        LoadResult result = new Load(options.url(), options.duration(), options.concurrency(), err::println).run();
        out.print(options.format().render(result.report()));
        out.flush();
        if (result.requests() == 0) {
            err.println("load: error: no request was answered (" + result.errors() + " failed): is the service up?");
            return FAILED;
        }
        return OK;
    }
}
