package io.gil4j.demo.convoy;

import io.gil4j.demo.cli.Args;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.report.OutputFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code convoy}, parsed and checked.
 *
 * @param modes the agent modes to measure, in order
 * @param duration how long each measurement (alone, then beside the CPU-bound thread) lasts
 * @param format how the results are written
 * @param help true if {@code --help} was given: print {@link #USAGE} and run nothing
 */
public record ConvoyOptions(List<String> modes, Duration duration, OutputFormat format, boolean help) {

    /** The subcommand's name. */
    public static final String COMMAND = "convoy";

    /** What {@code convoy --help} prints. */
    public static final String USAGE = String.join("\n",
            "usage: gil4j-demo convoy [options]",
            "  Measures echo round trips per second on one I/O thread, alone and beside one CPU-bound",
            "  thread, in each mode (CPython's convoy effect, gh-52194).",
            "  --modes LIST        comma list of native, gil (default native,gil)",
            "  --duration TIME     per measurement, such as 3s or 500ms (default 3s)",
            "  --format csv|table  output format (default csv)",
            "  --help              print this help",
            "");

    private static final List<String> OPTIONS = List.of("modes", "duration", "format");
    private static final Map<String, String> MODES =
            Args.labelled(mode -> mode, ModeControl.NATIVE, ModeControl.GIL);
    private static final Map<String, OutputFormat> FORMATS =
            Args.labelled(OutputFormat::label, OutputFormat.values());

    /** Copies {@code modes}. */
    public ConvoyOptions {
        modes = List.copyOf(modes);
    }

    /**
     * Parses the arguments that follow {@code convoy}.
     *
     * @throws UsageException naming the bad option or value and what is accepted
     */
    public static ConvoyOptions parse(List<String> args) throws UsageException {
        Args parsed = Args.parse(COMMAND, OPTIONS, args);
        return new ConvoyOptions(
                parsed.choices("modes", "mode", List.copyOf(MODES.values()), MODES),
                parsed.duration("duration", Duration.ofSeconds(3)),
                parsed.choice("format", OutputFormat.CSV, FORMATS),
                parsed.help());
    }
}
