package io.gil4j.webapp.it;

import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot service in a JVM of its own, {@code java <options> -jar gil4j-webapp.jar --server.port=0},
 * its log (standard output) kept in a file and its standard error line by line. Closing it kills it and
 * every process it started, and waits for them.
 */
final class ServiceJvm implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** Agent lines that report something going wrong (the agent writes no level, only {@code [gil4j]}). */
    private static final Pattern AGENT_FAILURE =
            Pattern.compile("(?i)could not|fail|disabled|not started|not registered|error|exception|warn");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final long launchedNanos;
    private final Path log;
    private final List<String> stderr;
    private volatile String baseUrl;

    private ServiceJvm(String name, Process process, long launchedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
        this.stderr = new StandardError(process, "webapp-stderr").lines();
    }

    /**
     * Launches the service with {@code jvmOptions} before {@code -jar}, on a port of the system's choosing.
     *
     * @param name how reports and failures name this configuration
     */
    static ServiceJvm start(String name, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Jars.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Jars.existing(Jars.WEBAPP).toString(), "--server.port=0"));
        try {
            Path log = Files.createTempFile("gil4j-webapp", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile());
            long launched = System.nanoTime();
            return new ServiceJvm(name, builder.start(), launched, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code path} first answers 200, polling from the moment the log names the port; the time
     * from launch to that answer.
     *
     * @throws AssertionError if the JVM exits first, or at the deadline
     */
    Duration awaitFirstOk(String path, Duration timeout) throws IOException, InterruptedException {
        return Eventually.awaitValue(
                name + " answers 200 on " + path,
                timeout,
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + this);
                    }
                    if (baseUrl == null) {
                        Matcher port = PORT.matcher(log());
                        if (!port.find()) {
                            return Optional.empty();
                        }
                        baseUrl = "http://127.0.0.1:" + port.group(1);
                    }
                    try {
                        int status = get(path).statusCode();
                        return status == 200
                                ? Optional.of(Duration.ofNanos(System.nanoTime() - launchedNanos))
                                : Optional.empty();
                    } catch (IOException notYet) {
                        return Optional.empty();
                    }
                },
                this::toString);
    }

    /** {@code GET path}, once the service is up ({@link #awaitFirstOk}). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The absolute URL of {@code path}, once the service is up. */
    String url(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("the service's port is not known before awaitFirstOk");
        }
        return baseUrl + path;
    }

    /** The JVM's resident memory now, in KiB: {@code VmRSS} of {@code /proc/<pid>/status}. */
    long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    long pid() {
        return process.pid();
    }

    /** The lines of standard error that the gil4j agent wrote. */
    List<String> agentLines() {
        return stderr.stream().filter(line -> line.startsWith("[gil4j]")).toList();
    }

    /** The agent's lines that report a failure: a class it could not instrument, a part that did not start. */
    List<String> agentFailures() {
        return agentLines().stream()
                .filter(line -> AGENT_FAILURE.matcher(line).find())
                .toList();
    }

    /** Standard error lines that are not the agent's (the JVM's own warnings, say). */
    List<String> otherStderr() {
        return stderr.stream().filter(line -> !line.startsWith("[gil4j]")).toList();
    }

    /** The application's log lines at WARN or ERROR. */
    List<String> logProblems() {
        return log().lines()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
    }

    private String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Stops the JVM as an orchestrator does: SIGTERM, so that the agent runs its exit hooks (its control file
     * is deleted), then after 10 s SIGKILL; then kills whatever it started and waits for each.
     */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a child that does not end within the bound is left to the operating system
        }
        Files.deleteIfExists(log);
    }

    @Override
    public String toString() {
        return "\n--- " + name + ": log\n" + log() + "--- standard error\n" + String.join("\n", stderr);
    }
}
