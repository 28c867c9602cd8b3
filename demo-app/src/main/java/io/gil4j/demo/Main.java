package io.gil4j.demo;

import io.gil4j.demo.bench.BenchCommand;
import io.gil4j.demo.cli.UsageException;
import io.gil4j.demo.convoy.ConvoyCommand;
import io.gil4j.demo.load.LoadCommand;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.serve.ServeCommand;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point: {@code java [-javaagent:gil4j-agent.jar] -jar gil4j-demo.jar bench|convoy|serve|load|help [options]}.
 *
 * <p>Exit codes: 0 done, 1 the command failed, 2 the command line is wrong (one line on standard error
 * names the problem and the accepted values).
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: java [-javaagent:gil4j-agent.jar] -jar gil4j-demo.jar <command> [options]",
            "  bench   run a workload sequentially and on a thread pool in each mode, print times",
            "  convoy  measure echo round trips beside a CPU-bound thread in each mode",
            "  serve   serve the workloads over HTTP, for watching the modes live",
            "  load    drive a URL with a fixed number of clients, print throughput and latency",
            "  help    print this help; <command> --help prints a command's options",
            "");

    private Main() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) throws InterruptedException {
        int code = run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command line, writing results to {@code out} and everything else to {@code err}.
     *
     * @return the exit code
     */
    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        ModeControl modes = ModeControl.gil4j();
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("bench", new BenchCommand(modes));
        commands.put("convoy", new ConvoyCommand(modes));
        commands.put("serve", new ServeCommand(modes, new CountDownLatch(1)));
        commands.put("load", new LoadCommand());
        if (args.isEmpty()) {
            err.print(USAGE);
            return UsageException.EXIT_CODE;
        }
        String name = args.get(0);
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            out.print(USAGE);
            return Command.OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("gil4j-demo: unknown command '" + name + "'; accepted: "
                    + String.join(", ", commands.keySet()) + ", help");
            return UsageException.EXIT_CODE;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return UsageException.EXIT_CODE;
        }
    }
}
