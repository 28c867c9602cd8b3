package io.gil4j.demo.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo JVM that runs until stopped ({@code serve}, or {@code load} in the background), started from the
 * packaged jars, its standard error kept line by line and its standard output to a file. Closing it kills
 * it and waits for it.
 */
public final class DemoService implements AutoCloseable {

    public static final Path AGENT_JAR = Paths.get(System.getProperty("gil4j.agent.jar", "../agent/target/gil4j-agent.jar"));
    public static final Path DEMO_JAR = Paths.get(System.getProperty("gil4j.demo.jar", "target/gil4j-demo.jar"));
    public static final Path OTEL_JAVAAGENT = Paths.get(System.getProperty("gil4j.otel.javaagent.jar",
            "target/otel-javaagent/opentelemetry-javaagent.jar"));

    private static final Pattern SERVING = Pattern.compile("serve: .* on (http://[^/]+)/work");

    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Path stdout;

    private DemoService(Process process, Path stdout) {
        this.process = process;
        this.stdout = stdout;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    stderr.add(line);
                }
            } catch (IOException e) {
                stderr.add("(standard error lost: " + e + ")");
            }
        }, "demo-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java <jvmOptions> -jar gil4j-demo.jar <args>} with {@code environment} added.
     *
     * @param jvmOptions options before {@code -jar}, {@code -javaagent:} ones included
     */
    public static DemoService start(List<String> jvmOptions, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(DEMO_JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("gil4j-demo-service", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
            builder.environment().putAll(environment);
            return new DemoService(builder.start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code serve} with the agent (two workers) and a 128 MiB heap, its metrics on {@code metricsPort},
     * switching through {@code modes}, {@code dwell} each, round and round.
     */
    public static DemoService serveCycling(int metricsPort, List<String> modes, Duration dwell) {
        return start(List.of("-Xmx128m", "-Dgil4j.otel.exporter.prometheus.port=" + metricsPort, gil4j("workers=2")),
                Map.of(), "serve", "--port", "0", "--cycle", String.join(",", modes), "--dwell", dwell.toSeconds() + "s");
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

    /** The base URL {@code serve} said it listens on, waiting up to {@code timeout}. */
    public String servingUrl(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (String line : stderr) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the demo exited with " + process.exitValue() + ": " + this);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the demo did not say where it serves within " + timeout + ": " + this);
    }

    /** Standard error so far. */
    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    /**
     * The lines of standard error that the gil4j agent wrote, without its routine notes: the start-up line
     * and the progress of putting the lock's code in or out at a mode switch.
     */
    public List<String> agentLines() {
        return stderr.stream().filter(line -> line.startsWith("[gil4j]") && !line.startsWith("[gil4j] started: ")
                && !line.startsWith("[gil4j] lock code ")).toList();
    }

    /** Waits for the JVM to exit by itself; its exit status. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the demo did not exit within " + timeout + ": " + this);
        }
        return process.exitValue();
    }

    /** Standard output so far. */
    public String stdout() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stdout);
    }

    @Override
    public String toString() {
        return "\n--- stdout\n" + stdout() + "--- stderr\n" + String.join("\n", stderr);
    }
}
