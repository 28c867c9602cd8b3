package io.gil4j.demo.convoy;

import io.gil4j.api.Mode;
import io.gil4j.demo.cli.Choice;
import io.gil4j.demo.cli.Converters;
import io.gil4j.demo.cli.ReportOutput;
import io.gil4j.demo.cli.Subcommand;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.report.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convoy}: runs the {@link Convoy} experiment in each mode asked for and prints its rows on standard
 * output; progress and notices go to standard error. Exits 0 when every measurement ran, 1 when a socket
 * failed.
 */
@Command(
        name = "convoy",
        header = "Measures echo round trips beside a CPU-bound thread in each mode.",
        description = "Round trips per second on one I/O thread, alone and beside one CPU-bound thread"
                + " (CPython's convoy effect, gh-52194); ratio is alone / beside.")
public final class ConvoyCommand implements Subcommand {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--modes",
            paramLabel = "LIST",
            split = ",",
            hideParamSyntax = true,
            defaultValue = "native,gil",
            converter = Modes.class,
            completionCandidates = Modes.class,
            description = "comma list of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private List<Mode> modes;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            defaultValue = "3s",
            converter = Converters.Seconds.class,
            description = "per measurement, such as 3s or 500ms (default ${DEFAULT-VALUE})")
    Duration duration;

    @Mixin
    final ReportOutput output = new ReportOutput(OutputFormat.CSV);

    private final ModeControl modeControl;

    /** A convoy command that switches modes through {@code modes}. */
    public ConvoyCommand(ModeControl modes) {
        this.modeControl = modes;
    }

    /** The modes to measure, in order; parsing has run. */
    List<Mode> modes() {
        return new Modes().distinct(spec, "--modes", modes);
    }

    @Override
    public int run() throws InterruptedException {
        List<Mode> measured = modes();
        PrintWriter err = output.err();
        if (!modeControl.agentPresent()) {
            err.println(ModeControl.agentMissing("native rows"));
        }
        try {
            List<ConvoyRow> rows = new Convoy(duration, modeControl, err::println).run(measured);
            output.print(ConvoyRow.report(rows));
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("convoy: error: " + e);
            return ExitCode.SOFTWARE;
        }
    }

    /** The agent modes the convoy can measure, for {@code --modes}. */
    static final class Modes extends Choice<Mode> {
        Modes() {
            super(Mode::configName, Mode.NATIVE, Mode.GIL);
        }
    }
}
