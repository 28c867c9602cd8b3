package io.gil4j.demo.serve;

import io.gil4j.api.Mode;
import io.gil4j.demo.cli.Choice;
import io.gil4j.demo.cli.Converters;
import io.gil4j.demo.cli.Subcommand;
import io.gil4j.demo.cli.WorkloadOptions;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: serves a workload over HTTP until {@code stop} opens, switching modes through
 * {@code --cycle} if asked. The announcements go to standard error. Exits 0 when stopped, 1 when the server
 * cannot start.
 */
@Command(
        name = "serve",
        header = "Serves the workloads over HTTP, for watching the modes live.",
        description = "GET / answers 200 once ready; GET /work runs one task of the workload and answers its"
                + " result. Runs until stopped. Drive it with 'gil4j-demo load'.")
public final class ServeCommand implements Subcommand {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            converter = Converters.Port.class,
            description = "port to listen on, 0 for any free one (default ${DEFAULT-VALUE})")
    int port;

    @Mixin
    WorkloadOptions task;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "16",
            converter = Converters.PositiveInt.class,
            description = "connections served at once, a thread each (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--cycle",
            paramLabel = "LIST",
            split = ",",
            hideParamSyntax = true,
            converter = Modes.class,
            completionCandidates = Modes.class,
            description = "modes to switch through, a comma list of ${COMPLETION-CANDIDATES} (default: none, the"
                    + " mode stays as the agent started it)")
    private List<Mode> cycle;

    @Option(
            names = "--dwell",
            paramLabel = "TIME",
            defaultValue = "30s",
            converter = Converters.Seconds.class,
            description = "how long each mode of --cycle lasts (default ${DEFAULT-VALUE})")
    Duration dwell;

    private final ModeControl modes;
    private final CountDownLatch stop;

    /**
     * A serve command that switches modes through {@code modes} and serves until {@code stop} opens (the
     * command line passes one that never does: the service runs until the JVM is stopped).
     */
    public ServeCommand(ModeControl modes, CountDownLatch stop) {
        this.modes = modes;
        this.stop = stop;
    }

    /** The modes of {@code --cycle}, in order, or none; parsing has run. */
    List<Mode> cycle() {
        return cycle == null ? List.of() : new Modes().distinct(spec, "--cycle", cycle);
    }

    @Override
    public int run() throws InterruptedException {
        List<Mode> cycled = cycle();
        PrintWriter err = spec.commandLine().getErr();
        if (!cycled.isEmpty() && !modes.agentPresent()) {
            err.println(ModeControl.agentMissing("in the JVM's own mode, without --cycle"));
        }
        try (Workload workload = task.workload().create(task.size());
                WorkServer server = WorkServer.start(host, port, threads, workload)) {
            err.printf(
                    "serve: %s (%s) on http://%s:%d/work, mode %s%n",
                    workload.name(),
                    task.size().label(),
                    host,
                    server.port(),
                    modes.mode().configName());
            Thread cycler = cycled.isEmpty() || !modes.agentPresent()
                    ? null
                    : ModeCycler.start(modes, cycled, dwell, err::println);
            try {
                stop.await();
            } finally {
                if (cycler != null) {
                    cycler.interrupt();
                }
            }
            return ExitCode.OK;
        } catch (IOException | UncheckedIOException e) {
            err.println("serve: error: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /** The agent modes {@code --cycle} accepts. */
    static final class Modes extends Choice<Mode> {
        Modes() {
            super(Mode::configName, Mode.values());
        }
    }
}
