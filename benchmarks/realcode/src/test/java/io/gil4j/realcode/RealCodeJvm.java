package io.gil4j.realcode;

import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged benchmark jar in a fresh JVM ({@link ForkedProcess}), with or without the agent, and reads
 * back its CSV line. A run that fails, prints no CSV line, outlives {@link #DEADLINE} (its threads dumped before
 * it is killed), or was given the agent and ran without it (the agent disables itself on a bad option) is an
 * {@link AssertionError} carrying the command and everything the JVM printed.
 */
final class RealCodeJvm {

    /** One run's CSV line, typed. */
    record Row(String task, int threads, int tasks, double bestSeconds, double medianSeconds, long checksum) {

        static Row parse(String line) {
            String[] cells = line.split(",");
            return new Row(
                    cells[0],
                    Integer.parseInt(cells[1]),
                    Integer.parseInt(cells[2]),
                    Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4]),
                    Long.parseLong(cells[5]));
        }
    }

    /** The agent jar: system property {@code gil4j.agent.jar}, which the build sets to the agent module's. */
    static final Path AGENT_JAR =
            Paths.get(System.getProperty("gil4j.agent.jar", "../../agent/target/gil4j-agent.jar"));

    private static final Path BENCHMARK_JAR =
            Paths.get(System.getProperty("gil4j.realcode.jar", "target/gil4j-realcode.jar"));
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** What the agent prints when it gives up at start (a bad option, a failure) and lets the JVM run on. */
    private static final String AGENT_DISABLED = "agent disabled, the application runs without it";

    private static final String CSV_LINE = "[a-z]+,\\d+,\\d+,[0-9.]+,[0-9.]+,-?\\d+";

    private RealCodeJvm() {}

    /**
     * Runs {@code gil4j-realcode.jar args} on the JDK running the tests.
     *
     * @param agentArgument the agent argument ({@code mode=gil,...}); null runs without the agent
     */
    static Row run(String agentArgument, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ForkedProcess.currentJava());
        if (agentArgument != null) {
            command.add("-Dgil4j.otel.exporter.prometheus.port=0");
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentArgument);
        }
        command.addAll(List.of("-jar", BENCHMARK_JAR.toAbsolutePath().toString()));
        command.addAll(Arrays.asList(args));

        ForkedProcess.Result run = ForkedProcess.run(command, Map.of(), DEADLINE);
        List<String> rows =
                run.stdoutLines().stream().filter(l -> l.matches(CSV_LINE)).toList();
        boolean agentOff = agentArgument != null && run.stderr().contains(AGENT_DISABLED);
        if (run.exitCode() != 0 || rows.size() != 1 || agentOff) {
            throw new AssertionError(String.join(" ", command) + "\n" + run);
        }
        return Row.parse(rows.get(0));
    }
}
