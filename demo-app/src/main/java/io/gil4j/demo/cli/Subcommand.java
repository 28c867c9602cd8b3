package io.gil4j.demo.cli;

/**
 * A subcommand of the demo: what runs once picocli has parsed its options into the command's fields.
 * {@link RunSubcommand} calls it on the thread that runs the command line.
 *
 * <p>Deliberately neither {@link Runnable} nor {@link java.util.concurrent.Callable}: the OpenTelemetry Java
 * agent adds an interface of its own to every class that implements those, and the gil4j agent, when it
 * comes second, cannot resolve that interface and leaves the class uninstrumented with a failure line
 * (what {@code OtelAgentCoexistenceIT} checks never happens).
 */
public interface Subcommand {

    /**
     * Runs the command; results go to standard output, everything else to standard error.
     *
     * @return the exit code: {@link picocli.CommandLine.ExitCode#OK} when it did what was asked,
     *     {@link picocli.CommandLine.ExitCode#SOFTWARE} when it ran and failed
     * @throws picocli.CommandLine.ParameterException if the options, checked together, are wrong
     * @throws InterruptedException if the calling thread was interrupted
     */
    int run() throws InterruptedException;
}
