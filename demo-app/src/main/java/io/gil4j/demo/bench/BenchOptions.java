package io.gil4j.demo.bench;

import io.gil4j.demo.cli.Args;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code bench}, parsed and checked.
 *
 * @param workload which workload to run
 * @param size how much work each task does
 * @param tasks how many tasks each round runs
 * @param workers how many threads a pooled row uses
 * @param rounds how many times each row runs; the best time counts
 * @param modes the rows asked for, in order (the sequential row runs first whether asked for or not)
 * @param format how the results are written
 * @param help true if {@code --help} was given: print {@link #USAGE} and run nothing
 */
public record BenchOptions(WorkloadKind workload, Size size, int tasks, int workers, int rounds,
        List<RowMode> modes, OutputFormat format, boolean help) {

    /** The subcommand's name. */
    public static final String COMMAND = "bench";

    /** What {@code bench --help} prints. */
    public static final String USAGE = String.join("\n",
            "usage: gil4j-demo bench [options]",
            "  Runs a workload's tasks sequentially, then on a thread pool in each mode, and prints the best",
            "  time of each row and its speedup over sequential.",
            "  --workload primes|stats|hash|io  what each task does (default primes)",
            "  --size small|default             work per task; small is for smoke tests (default: default)",
            "  --tasks N                        tasks per round (default 8)",
            "  --workers N                      threads per pooled row (default: available processors)",
            "  --rounds N                       rounds per row, best counts (default 3)",
            "  --modes LIST                     comma list of sequential, gil, interpreters, processes, native",
            "                                   (default sequential,gil,native)",
            "  --format table|csv               output format (default table)",
            "  --help                           print this help",
            "");

    private static final List<RowMode> DEFAULT_MODES = List.of(RowMode.SEQUENTIAL, RowMode.GIL, RowMode.NATIVE);
    private static final List<String> OPTIONS =
            List.of("workload", "size", "tasks", "workers", "rounds", "modes", "format");
    private static final Map<String, WorkloadKind> WORKLOADS =
            Args.labelled(WorkloadKind::label, WorkloadKind.values());
    private static final Map<String, Size> SIZES = Args.labelled(Size::label, Size.values());
    private static final Map<String, OutputFormat> FORMATS =
            Args.labelled(OutputFormat::label, OutputFormat.values());

    /** Copies {@code modes}. */
    public BenchOptions {
        modes = List.copyOf(modes);
    }

    /**
     * Parses the arguments that follow {@code bench}.
     *
     * @throws UsageException naming the bad option or value and what is accepted
     */
    public static BenchOptions parse(List<String> args) throws UsageException {
        Args parsed = Args.parse(COMMAND, OPTIONS, args);
        return new BenchOptions(
                parsed.choice("workload", WorkloadKind.PRIMES, WORKLOADS),
                parsed.choice("size", Size.DEFAULT, SIZES),
                parsed.positiveInt("tasks", 8),
                parsed.positiveInt("workers", Runtime.getRuntime().availableProcessors()),
                parsed.positiveInt("rounds", 3),
                parsed.choices("modes", "mode", DEFAULT_MODES, RowMode.BY_LABEL),
                parsed.choice("format", OutputFormat.TABLE, FORMATS),
                parsed.help());
    }

    /**
     * The rows to run, in order: sequential first, then each requested mode once, leaving out those that
     * need the agent when it is absent.
     */
    public List<RowMode> plan(boolean agentPresent) {
        List<RowMode> plan = new ArrayList<>();
        plan.add(RowMode.SEQUENTIAL);
        for (RowMode mode : modes) {
            if (mode != RowMode.SEQUENTIAL && (agentPresent || !mode.needsAgent())) {
                plan.add(mode);
            }
        }
        return List.copyOf(plan);
    }
}
