package io.gil4j.realcode;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * The benchmark's command line: runs one library task on a plain thread pool and prints one CSV line,
 * {@code task,threads,tasks,best_seconds,median_seconds,checksum}, on standard output.
 *
 * <pre>
 * MARK=offload=io.gil4j.realcode.tasks.LuceneIndex#run   # java -jar ... --list prints each task's
 * java -javaagent:agent/target/gil4j-agent.jar=mode=interpreters,workers=2,$MARK \
 *     -jar benchmarks/realcode/target/gil4j-realcode.jar --task index --threads 2 --tasks 8 --rounds 3
 * </pre>
 *
 * <p>Exit codes: 0 when every round ran and agreed on the checksum; 1 when a call threw or a round's
 * checksum differed from the warm-up round's; 2 on bad options. {@code benchmarks/realcode.py} runs it in
 * every mode and compares.
 */
public final class RealCode {

    private RealCode() {}

    /** Runs the command line {@code args}, then exits with its code. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}, printing results on {@code out} and the rest on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("realcode: " + e.getMessage() + " (--help for usage)");
            return 2;
        }
        switch (options.action()) {
            case HELP:
                out.println(Options.USAGE);
                return 0;
            case LIST:
                for (Task task : Task.values()) {
                    out.println(task.id() + "," + task.offloadPattern());
                }
                return 0;
            default:
                return measure(options, out, err);
        }
    }

    private static int measure(Options options, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            Rounds.Result result = Rounds.run(options, err);
            out.printf(
                    Locale.ROOT,
                    "%s,%d,%d,%.6f,%.6f,%d%n",
                    options.task().id(),
                    options.threads(),
                    options.tasks(),
                    result.bestSeconds(),
                    result.medianSeconds(),
                    result.checksum());
            return 0;
        } catch (Rounds.ChecksumMismatch e) {
            err.println("realcode: " + options.task().id() + ": " + e.getMessage());
            return 1;
        } catch (ExecutionException e) {
            err.println("realcode: " + options.task().id() + ": a call failed");
            e.getCause().printStackTrace(err);
            return 1;
        }
    }
}
