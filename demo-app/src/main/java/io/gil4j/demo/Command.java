package io.gil4j.demo;

import io.gil4j.demo.cli.UsageException;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the demo. Results go to {@code out} and nothing else does; progress, notices and errors
 * go to {@code err}.
 */
public interface Command {

    /** Exit code: the command did what was asked. */
    int OK = 0;
    /** Exit code: the command ran and failed (a task threw, results differed, a socket failed). */
    int FAILED = 1;

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit code
     * @throws UsageException if the arguments are wrong; nothing has run yet
     * @throws InterruptedException if the calling thread was interrupted
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException;
}
