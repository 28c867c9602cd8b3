package io.gil4j.webapp.it;

import io.gil4j.testing.ForkedProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the agent's command line, {@code java -jar gil4j-agent.jar <args>}, as an operator types it.
 *
 * @param exit its exit status
 * @param wall from launch to exit: what an operator waits for
 */
record AgentCli(List<String> args, int exit, String out, String err, Duration wall) {

    /**
     * Runs the command line with {@code args}, waiting at most {@code timeout}: a run still going then has its
     * threads dumped and is killed, and the test fails ({@link ForkedProcess#awaitExit}).
     */
    static AgentCli run(Duration timeout, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ForkedProcess.currentJava(), "-jar", Jars.existing(Jars.AGENT).toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        try (ForkedProcess cli = ForkedProcess.start(command, Map.of())) {
            ForkedProcess.Result run = cli.awaitExit(timeout);
            Duration wall = Duration.ofNanos(System.nanoTime() - start); // not the clean-up of close
            return new AgentCli(List.of(args), run.exitCode(), run.stdout(), run.stderr(), wall);
        }
    }
}
