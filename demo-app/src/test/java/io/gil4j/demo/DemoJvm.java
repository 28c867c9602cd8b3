package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the packaged demo jar in a fresh JVM (the {@code java} of {@code java.home}), with or without the
 * agent, for the integration tests. The jar paths come from the failsafe system properties
 * {@code gil4j.demo.jar} and {@code gil4j.agent.jar}.
 */
final class DemoJvm {

    private static final long TIMEOUT_SECONDS = 180;

    /** What a finished run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private DemoJvm() {}

    /** The agent jar; the calling test is skipped (not failed) while it has not been built. */
    static Path agentJarOrSkip() {
        Path agent = Paths.get(System.getProperty("gil4j.agent.jar", "../agent/target/gil4j-agent.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(agent), "agent jar not built yet: " + agent.toAbsolutePath());
        return agent;
    }

    /** Runs {@code java [-javaagent:agent] -jar demo.jar args...} and waits for it to exit. */
    static Result run(Path agent, String... args) throws IOException, InterruptedException {
        Path demo = Paths.get(System.getProperty("gil4j.demo.jar", "target/gil4j-demo.jar"));
        assertTrue(Files.isRegularFile(demo), "demo jar missing (run after package): " + demo.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (agent != null) {
            command.add("-Dgil4j.otel.exporter.prometheus.port=0"); // metrics on, never competing for 9464
            command.add("-javaagent:" + agent.toAbsolutePath());
        }
        command.add("-jar");
        command.add(demo.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("gil4j-demo", ".out");
        Path stderr = Files.createTempFile("gil4j-demo", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            Result result = new Result(exited ? process.exitValue() : -1,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            if (!exited) {
                fail("demo did not exit within " + TIMEOUT_SECONDS + " s: " + command + "\n" + result);
            }
            return result;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
