package io.gil4j.demo.bench;

import io.gil4j.demo.Command;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.workload.Workload;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** {@code bench}: parses the options, runs the {@link Bench} and prints its rows. */
public final class BenchCommand implements Command {

    private final ModeControl modes;

    /** A bench command that switches modes through {@code modes}. */
    public BenchCommand(ModeControl modes) {
        this.modes = modes;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, InterruptedException {
        BenchOptions options = BenchOptions.parse(args);
        if (options.help()) {
            out.print(BenchOptions.USAGE);
            return OK;
        }
        if (!modes.agentPresent()) {
            err.println(ModeControl.agentMissing("sequential and native rows"));
        }
        err.printf(Locale.ROOT, "bench: workload %s (%s), %d tasks, %d workers, best of %d, mode now %s%n",
                options.workload().label(), options.size().label(), options.tasks(), options.workers(),
                options.rounds(), modes.mode());
        try (Workload workload = options.workload().create(options.size())) {
            List<BenchRow> rows = new Bench(options, modes, err::println).run(workload);
            out.print(options.format().render(BenchRow.report(rows)));
            out.flush();
            return OK;
        } catch (ResultMismatchException | TaskFailedException | UncheckedIOException e) {
            err.println("bench: error: " + e.getMessage());
            return FAILED;
        }
    }
}
