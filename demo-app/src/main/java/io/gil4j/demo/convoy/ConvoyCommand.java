package io.gil4j.demo.convoy;

import io.gil4j.demo.Command;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.mode.ModeControl;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** {@code convoy}: parses the options, runs the {@link Convoy} experiment and prints its rows. */
public final class ConvoyCommand implements Command {

    private final ModeControl modes;

    /** A convoy command that switches modes through {@code modes}. */
    public ConvoyCommand(ModeControl modes) {
        this.modes = modes;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, InterruptedException {
        ConvoyOptions options = ConvoyOptions.parse(args);
        if (options.help()) {
            out.print(ConvoyOptions.USAGE);
            return OK;
        }
        if (!modes.agentPresent()) {
            err.println(ModeControl.agentMissing("native rows"));
        }
        try {
            List<ConvoyRow> rows = new Convoy(options.duration(), modes, err::println).run(options.modes());
            out.print(options.format().render(ConvoyRow.report(rows)));
            out.flush();
            return OK;
        } catch (IOException e) {
            err.println("convoy: error: " + e);
            return FAILED;
        }
    }
}
