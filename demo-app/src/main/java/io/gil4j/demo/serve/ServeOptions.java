package io.gil4j.demo.serve;

import io.gil4j.demo.cli.Args;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code serve}, parsed and checked.
 *
 * @param host the address to listen on
 * @param port the port to listen on (0: any free one)
 * @param workload what {@code GET /work} runs
 * @param size how much work one request does
 * @param threads how many connections are served at once, one thread each
 * @param cycle the modes to switch through, in order, one dwell each, round and round; empty: stay
 * @param dwell how long each mode of {@code cycle} lasts
 * @param help true if {@code --help} was given
 */
public record ServeOptions(String host, int port, WorkloadKind workload, Size size, int threads, List<String> cycle,
        Duration dwell, boolean help) {

    /** The subcommand's name. */
    public static final String COMMAND = "serve";

    /** The agent modes {@code --cycle} accepts. */
    static final List<String> MODES = List.of("native", "gil", "sequential", "interpreters", "processes");

    /** What {@code serve --help} prints. */
    public static final String USAGE = String.join("\n",
            "usage: gil4j-demo serve [options]",
            "  Serves the workloads over HTTP until stopped: GET / answers 200 once ready, GET /work runs one",
            "  task of the workload and answers its result. Drive it with 'gil4j-demo load'.",
            "  --host ADDRESS                   address to listen on (default 127.0.0.1)",
            "  --port N                         port to listen on, 0 for any free one (default 8080)",
            "  --workload primes|stats|hash|io  what each request does (default primes)",
            "  --size small|default             work per request (default: default, about 0.2 s of CPU)",
            "  --threads N                      connections served at once, a thread each (default 16)",
            "  --cycle LIST                     modes to switch through, e.g. sequential,interpreters (default:",
            "                                   none, the mode stays as the agent started it)",
            "  --dwell DURATION                 how long each mode of --cycle lasts (default 30s)",
            "  --help                           print this help",
            "");

    private static final List<String> OPTIONS = List.of("host", "port", "workload", "size", "threads", "cycle", "dwell");
    private static final Map<String, WorkloadKind> WORKLOADS = Args.labelled(WorkloadKind::label, WorkloadKind.values());
    private static final Map<String, Size> SIZES = Args.labelled(Size::label, Size.values());
    private static final Map<String, String> MODE_LABELS = Args.labelled(m -> m, MODES.toArray(String[]::new));

    /** Copies {@code cycle}. */
    public ServeOptions {
        cycle = List.copyOf(cycle);
    }

    /**
     * Parses the arguments that follow {@code serve}.
     *
     * @throws UsageException naming the bad option or value and what is accepted
     */
    public static ServeOptions parse(List<String> args) throws UsageException {
        Args parsed = Args.parse(COMMAND, OPTIONS, args);
        return new ServeOptions(
                parsed.text("host", "127.0.0.1"),
                parsed.port("port", 8080),
                parsed.choice("workload", WorkloadKind.PRIMES, WORKLOADS),
                parsed.choice("size", Size.DEFAULT, SIZES),
                parsed.positiveInt("threads", 16),
                parsed.choices("cycle", "mode", List.of(), MODE_LABELS),
                parsed.duration("dwell", Duration.ofSeconds(30)),
                parsed.help());
    }
}
