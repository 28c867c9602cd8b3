package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the packaged demo jar in a fresh JVM (the {@code java} of {@code java.home}), with or without the
 * agent, for the integration tests. The jar paths come from the failsafe system properties
 * {@code gil4j.demo.jar} and {@code gil4j.agent.jar}.
 */
final class DemoJvm {

    /** A short {@code bench} of primes in {@code sequential}, {@code gil} and {@code native}: 4 tasks, 2 workers, CSV. */
    static final String[] SMALL_BENCH_CSV = {
        "bench",
        "--workload",
        "primes",
        "--size",
        "small",
        "--tasks",
        "4",
        "--workers",
        "2",
        "--modes",
        "sequential,gil,native",
        "--rounds",
        "1",
        "--format",
        "csv"
    };

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private DemoJvm() {}

    /** The agent jar; the calling test is skipped (not failed) while it has not been built. */
    static Path agentJarOrSkip() {
        Path agent = Paths.get(System.getProperty("gil4j.agent.jar", "../agent/target/gil4j-agent.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(agent), "agent jar not built yet: " + agent.toAbsolutePath());
        return agent;
    }

    /**
     * Runs {@code java [-javaagent:agent] -jar demo.jar args...} and waits for it to exit, for at most three
     * minutes ({@link ForkedProcess#awaitExit}: a demo still running then has its threads dumped and is killed).
     */
    static ForkedProcess.Result run(Path agent, String... args) throws IOException, InterruptedException {
        Path demo = Paths.get(System.getProperty("gil4j.demo.jar", "target/gil4j-demo.jar"));
        assertTrue(Files.isRegularFile(demo), "demo jar missing (run after package): " + demo.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(ForkedProcess.currentJava());
        if (agent != null) {
            command.add("-Dgil4j.otel.exporter.prometheus.port=0"); // metrics on, never competing for 9464
            command.add("-javaagent:" + agent.toAbsolutePath());
        }
        command.add("-jar");
        command.add(demo.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return ForkedProcess.run(command, Map.of(), TIMEOUT);
    }
}
