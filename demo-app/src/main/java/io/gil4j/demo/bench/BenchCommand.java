package io.gil4j.demo.bench;

import io.gil4j.demo.cli.Choice;
import io.gil4j.demo.cli.Converters;
import io.gil4j.demo.cli.ReportOutput;
import io.gil4j.demo.cli.Subcommand;
import io.gil4j.demo.cli.WorkloadOptions;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.workload.Workload;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs the {@link Bench} for the options given and prints its rows on standard output, in the
 * format asked for; progress and notices go to standard error. Exits 0 when every row ran and every result
 * matched the sequential one, 1 otherwise.
 */
@Command(
        name = "bench",
        header = "Runs a workload sequentially and on a thread pool in each mode, prints times.",
        description = "Prints the best time of each row and its speedup over sequential on standard output,"
                + " progress on standard error; every task's result must equal its sequential one.")
public final class BenchCommand implements Subcommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkloadOptions workload;

    @Option(
            names = "--tasks",
            paramLabel = "N",
            defaultValue = "8",
            converter = Converters.PositiveInt.class,
            description = "tasks per round (default ${DEFAULT-VALUE})")
    private int tasks;

    @Option(
            names = "--workers",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "threads per pooled row (default: available processors)")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            converter = Converters.PositiveInt.class,
            description = "rounds per row, best counts (default ${DEFAULT-VALUE})")
    private int rounds;

    @Option(
            names = "--modes",
            paramLabel = "LIST",
            split = ",",
            hideParamSyntax = true,
            defaultValue = "sequential,gil,native",
            converter = Rows.class,
            completionCandidates = Rows.class,
            description = "comma list of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private List<RowMode> modes;

    @Mixin
    final ReportOutput output = new ReportOutput(OutputFormat.TABLE);

    private final ModeControl modeControl;

    /** A bench command that switches modes through {@code modes}. */
    public BenchCommand(ModeControl modes) {
        this.modeControl = modes;
    }

    /**
     * The options as parsed.
     *
     * @throws picocli.CommandLine.ParameterException if {@code --modes} names a row twice
     */
    BenchOptions options() {
        return new BenchOptions(
                workload.workload(),
                workload.size(),
                tasks,
                workers,
                rounds,
                new Rows().distinct(spec, "--modes", modes));
    }

    @Override
    public int run() throws InterruptedException {
        BenchOptions options = options();
        PrintWriter err = output.err();
        if (!modeControl.agentPresent()) {
            err.println(ModeControl.agentMissing("sequential and native rows"));
        }
        err.printf(
                Locale.ROOT,
                "bench: workload %s (%s), %d tasks, %d workers, best of %d, mode now %s%n",
                options.workload().label(),
                options.size().label(),
                options.tasks(),
                options.workers(),
                options.rounds(),
                modeControl.mode().configName());
        try (Workload tasks = options.workload().create(options.size())) {
            List<BenchRow> rows = new Bench(options, modeControl, err::println).run(tasks);
            output.print(BenchRow.report(rows));
            return ExitCode.OK;
        } catch (ResultMismatchException | TaskFailedException | UncheckedIOException e) {
            err.println("bench: error: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /** The row kinds by label, for {@code --modes}. */
    static final class Rows extends Choice<RowMode> {
        Rows() {
            super(RowMode::label, RowMode.values());
        }
    }
}
