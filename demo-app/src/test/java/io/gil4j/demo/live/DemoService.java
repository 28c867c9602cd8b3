package io.gil4j.demo.live;

import io.gil4j.testing.AgentOutput;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo JVM that runs until stopped ({@code serve}, or {@code load} in the background), started from the
 * packaged jars as a {@link ForkedProcess}: its output readable while it runs, its threads dumped if it
 * outlives a wait for its exit. Closing it kills it and waits for it.
 */
public final class DemoService implements AutoCloseable {

    public static final Path AGENT_JAR =
            Paths.get(System.getProperty("gil4j.agent.jar", "../agent/target/gil4j-agent.jar"));
    public static final Path DEMO_JAR = Paths.get(System.getProperty("gil4j.demo.jar", "target/gil4j-demo.jar"));
    public static final Path OTEL_JAVAAGENT = Paths.get(
            System.getProperty("gil4j.otel.javaagent.jar", "target/otel-javaagent/opentelemetry-javaagent.jar"));

    private static final Pattern SERVING = Pattern.compile("serve: .* on (http://[^/]+)/work");

    private final ForkedProcess process;

    private DemoService(ForkedProcess process) {
        this.process = process;
    }

    /**
     * Starts {@code java <jvmOptions> -jar gil4j-demo.jar <args>} with {@code environment} added.
     *
     * @param jvmOptions options before {@code -jar}, {@code -javaagent:} ones included
     */
    public static DemoService start(List<String> jvmOptions, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ForkedProcess.currentJava());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(DEMO_JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new DemoService(ForkedProcess.start(command, environment));
    }

    /**
     * {@code serve} with the agent (two workers) and a 128 MiB heap, its metrics on {@code metricsPort},
     * switching through {@code modes}, {@code dwell} each, round and round.
     */
    public static DemoService serveCycling(int metricsPort, List<String> modes, Duration dwell) {
        return start(
                List.of("-Xmx128m", "-Dgil4j.otel.exporter.prometheus.port=" + metricsPort, gil4j("workers=2")),
                Map.of(),
                "serve",
                "--port",
                "0",
                "--cycle",
                String.join(",", modes),
                "--dwell",
                dwell.toSeconds() + "s");
    }

    /** {@code -javaagent:} for gil4j's jar, with {@code argument} unless empty. */
    public static String gil4j(String argument) {
        return "-javaagent:" + AGENT_JAR.toAbsolutePath() + (argument.isEmpty() ? "" : "=" + argument);
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL {@code serve} said it listens on, waiting up to {@code timeout} for the line that says so. */
    public String servingUrl(Duration timeout) throws IOException, InterruptedException {
        return Eventually.awaitValue(
                "the demo says where it serves",
                timeout,
                () -> {
                    for (String line : process.stderrLines()) {
                        Matcher m = SERVING.matcher(line);
                        if (m.find()) {
                            return Optional.of(m.group(1));
                        }
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError("the demo exited with " + process.exitValue() + ": " + this);
                    }
                    return Optional.empty();
                },
                this::toString);
    }

    /** Standard error so far. */
    public List<String> stderr() {
        return process.stderrLines();
    }

    /**
     * The lines of standard error that the gil4j agent wrote, without its routine notes: the start-up line
     * and the progress of putting the lock's code in or out at a mode switch.
     */
    public List<String> agentLines() {
        return AgentOutput.agentLines(process.stderrLines().stream());
    }

    /**
     * Waits for the JVM to exit by itself; its exit status. At the deadline its threads are dumped, it is killed,
     * and the test fails ({@link ForkedProcess#awaitExit}).
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout).exitCode();
    }

    /** Standard output so far. */
    public String stdout() {
        return process.stdout();
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** Runs {@code jcmd <pid> command} against the JVM ({@link ForkedProcess#jcmd}). */
    public ForkedProcess.Result jcmd(String command) throws InterruptedException {
        return process.jcmd(command);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM and whatever it started, and waits for them ({@link ForkedProcess#close}). */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
