package io.gil4j.cli;

import io.gil4j.config.Config;
import io.gil4j.config.ConfigException;
import io.gil4j.config.OptionTable;
import io.gil4j.process.WorkerMain;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar gil4j-agent.jar <command>}: the agent's command line: {@code help}, {@code version},
 * {@code check-config}, {@code attach}, {@code detach} and {@code list} (by PID, through the JDK's attach API), and
 * {@code status}, {@code mode}, {@code experiment} and {@code advise} against a running agent's control endpoint. The
 * agent
 * itself starts the worker JVMs of the {@code processes} mode with the command {@code worker}, which is not
 * for people and is not listed in the help.
 */
public final class Cli {

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status (0 ok, 2 usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "help":
            case "--help":
            case "-h":
                out.print(usage());
                return 0;
            case "version":
            case "--version":
                out.println("gil4j " + version());
                return 0;
            case "check-config":
                return checkConfig(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "attach":
                return AttachCommands.attach(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "detach":
                return AttachCommands.detach(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "list":
                return AttachCommands.list(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "status":
                return ControlCommands.status(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "experiment":
                return ControlCommands.experiment(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "advise":
                return AdviseCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "mode":
                return ControlCommands.mode(Arrays.copyOfRange(args, 1, args.length), out, err);
            case "worker":
                return WorkerMain.run(Arrays.copyOfRange(args, 1, args.length));
            default:
                err.println(
                        "gil4j: unknown command '" + command
                                + "': accepted commands are help, version, check-config, attach, detach, list, status, mode, experiment, advise");
                return 2;
        }
    }

    private static int checkConfig(String[] pairs, PrintStream out, PrintStream err) {
        if (pairs.length == 1 && (pairs[0].equals("--help") || pairs[0].equals("-h"))) {
            out.println("usage: java -jar gil4j-agent.jar check-config [key=value ...]");
            out.println("Checks an agent configuration (with the gil4j.* system properties and GIL4J_* environment"
                    + " variables of this shell) and prints the effective values.");
            return 0;
        }
        try {
            out.print(Config.load(String.join(",", pairs), System.getProperties(), System.getenv())
                    .describe());
            return 0;
        } catch (ConfigException e) {
            err.println("gil4j: " + e.getMessage());
            return 2;
        }
    }

    private static String version() {
        String version =
                Cli.class.getPackage() == null ? null : Cli.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("gil4j: run a JVM service as if it were CPython, and measure what that costs.\n\n");
        s.append("As an agent:\n");
        s.append("  java -javaagent:gil4j-agent.jar[=key=value,...] -jar app.jar\n\n");
        s.append("Commands:\n");
        s.append("  help                      this text\n");
        s.append("  version                   the agent's version\n");
        s.append("  check-config [key=value]  check a configuration and print the effective values\n");
        s.append("  attach <pid> [key=value]  load the agent into a running JVM of this user\n");
        s.append("  detach <pid>              take the agent out again: native mode, original bytecode, no threads\n");
        s.append("  list                      list this user's JVMs, and which have the agent\n");
        s.append("  status <pid|url>          print a running agent's status as JSON (--token for a URL)\n");
        s.append("  mode <pid|url> <mode>     switch a running agent's mode (--token for a URL)\n");
        s.append("  experiment <pid|url> <A> <B>  an A/B experiment: the speedup of B over A, with a 95 % interval\n");
        s.append("  advise <pid|url>          which methods to reroute to interpreters, and what each would buy\n\n");
        s.append("Configuration (agent argument key=value, system property gil4j.<key>, environment GIL4J_<KEY>;\n");
        s.append("the agent argument wins over the system property, which wins over the environment):\n");
        s.append(OptionTable.text());
        s.append("\nMetrics (OpenTelemetry SDK): the standard OTEL_* variables and otel.* properties; by default a\n");
        s.append("Prometheus endpoint on localhost:9464/metrics, OTEL_METRICS_EXPORTER=otlp|prometheus,otlp|none to\n");
        s.append(
                "change that. otel.<key> in the agent argument (gil4j.otel.<key>, GIL4J_OTEL_<KEY>) sets otel.<key> for\n");
        s.append("gil4j alone, over the standard sources.\n");
        return s.toString();
    }
}
