package io.gil4j.demo.serve;

import io.gil4j.demo.Command;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.workload.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: serves a workload over HTTP until the JVM is stopped. */
public final class ServeCommand implements Command {

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

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        ServeOptions options = ServeOptions.parse(args);
        if (options.help()) {
            out.print(ServeOptions.USAGE);
            return OK;
        }
        if (!options.cycle().isEmpty() && !modes.agentPresent()) {
            err.println(ModeControl.agentMissing("in the JVM's own mode, without --cycle"));
        }
        try (Workload workload = options.workload().create(options.size());
                WorkServer server = WorkServer.start(options.host(), options.port(), options.threads(), workload)) {
            err.printf("serve: %s (%s) on http://%s:%d/work, mode %s%n", workload.name(), options.size().label(),
                    options.host(), server.port(), modes.mode());
            Thread cycler = options.cycle().isEmpty() || !modes.agentPresent() ? null
                    : ModeCycler.start(modes, options.cycle(), options.dwell(), err::println);
            try {
                stop.await();
            } finally {
                if (cycler != null) {
                    cycler.interrupt();
                }
            }
            return OK;
        } catch (IOException | UncheckedIOException e) {
            err.println("serve: error: " + e.getMessage());
            return FAILED;
        }
    }
}
