package io.gil4j.demo.cli;

import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.report.Report;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --format} and the two streams of a command that prints a {@link Report}: the report alone goes to
 * standard output, everything else (progress, notices, errors) to standard error. A mixin; each command
 * creates its own with its default format. Used by the thread that runs the command.
 */
public final class ReportOutput {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            converter = Choices.Formats.class,
            completionCandidates = Choices.Formats.class,
            description = "output format, ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    private OutputFormat format;

    /** The output of a command whose {@code --format} defaults to {@code defaultFormat}. */
    public ReportOutput(OutputFormat defaultFormat) {
        this.format = defaultFormat;
    }

    /** The format asked for. */
    public OutputFormat format() {
        return format;
    }

    /** Writes {@code report} to standard output in the format asked for, and flushes it. */
    public void print(Report report) {
        PrintWriter out = command.commandLine().getOut();
        out.print(format.render(report));
        out.flush();
    }

    /** Standard error, for progress, notices and errors. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }
}
