package io.gil4j.demo;

import io.gil4j.demo.bench.BenchCommand;
import io.gil4j.demo.cli.OneLineErrors;
import io.gil4j.demo.cli.RunSubcommand;
import io.gil4j.demo.convoy.ConvoyCommand;
import io.gil4j.demo.load.LoadCommand;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.serve.ServeCommand;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/**
 * Entry point: {@code java [-javaagent:gil4j-agent.jar] -jar gil4j-demo.jar <command> [options]}, the
 * commands {@code bench}, {@code convoy}, {@code serve}, {@code load}, {@code help} and
 * {@code generate-completion} (a bash/zsh completion script).
 *
 * <p>Exit codes: 0 done, 1 the command failed, 2 the command line is wrong (one line on standard error
 * names the problem and the accepted values).
 */
@Command(
        name = "gil4j-demo",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "<command>",
        description = "The workloads that motivate gil4j, on a plain thread pool; start the JVM with"
                + " -javaagent:gil4j-agent.jar to compare its modes.")
public final class Main {

    private Main() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the command line, writing results to {@code out} and everything else to {@code err}; both are
     * flushed on return.
     *
     * @return the exit code
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        ModeControl modes = ModeControl.gil4j();
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new BenchCommand(modes))
                .addSubcommand(new ConvoyCommand(modes))
                .addSubcommand(new ServeCommand(modes, new CountDownLatch(1)))
                .addSubcommand(new LoadCommand())
                .addSubcommand(new HelpCommand())
                .addSubcommand(new AutoComplete.GenerateCompletion());
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        commandLine
                .setOut(outWriter)
                .setErr(errWriter)
                .setExpandAtFiles(false)
                .setExecutionStrategy(new RunSubcommand())
                .setParameterExceptionHandler(new OneLineErrors());
        int code = commandLine.execute(args.toArray(String[]::new));
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** The version in the jar's manifest, {@code gil4j-demo 0.1.0-SNAPSHOT}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gil4j-demo " + (version == null ? "(not built as a jar)" : version)};
        }
    }
}
