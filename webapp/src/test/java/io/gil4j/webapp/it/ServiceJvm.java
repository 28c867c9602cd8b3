package io.gil4j.webapp.it;

import io.gil4j.testing.AgentOutput;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot service in a JVM of its own, {@code java <options> -jar gil4j-webapp.jar --server.port=0}, a
 * {@link ForkedProcess}: its log (standard output) and its standard error readable while it runs. Closing it
 * stops it as an orchestrator does and kills every process it started ({@link ForkedProcess#stop}).
 */
final class ServiceJvm implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** Agent lines that report something going wrong (the agent writes no level, only {@code [gil4j]}). */
    private static final Pattern AGENT_FAILURE =
            Pattern.compile("(?i)could not|fail|disabled|not started|not registered|error|exception|warn");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How long the service may take to end after {@code SIGTERM} before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final ForkedProcess process;
    private final long launchedNanos;
    private volatile String baseUrl;

    private ServiceJvm(String name, ForkedProcess process, long launchedNanos) {
        this.name = name;
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Launches the service with {@code jvmOptions} before {@code -jar}, on a port of the system's choosing.
     *
     * @param name how reports and failures name this configuration
     */
    static ServiceJvm start(String name, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ForkedProcess.currentJava());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Jars.existing(Jars.WEBAPP).toString(), "--server.port=0"));
        long launched = System.nanoTime();
        return new ServiceJvm(name, ForkedProcess.start(command, Map.of()), launched);
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
                        Matcher port = PORT.matcher(process.stdout());
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

    /** Runs {@code jcmd <pid> command} against the service ({@link ForkedProcess#jcmd}). */
    ForkedProcess.Result jcmd(String command) throws InterruptedException {
        return process.jcmd(command);
    }

    /** The lines of standard error that the gil4j agent wrote. */
    List<String> agentLines() {
        return process.stderrLines().stream()
                .filter(line -> line.startsWith(AgentOutput.PREFIX))
                .toList();
    }

    /** The agent's lines that report a failure: a class it could not instrument, a part that did not start. */
    List<String> agentFailures() {
        return agentLines().stream()
                .filter(line -> AGENT_FAILURE.matcher(line).find())
                .toList();
    }

    /** Standard error lines that are not the agent's (the JVM's own warnings, say). */
    List<String> otherStderr() {
        return process.stderrLines().stream()
                .filter(line -> !line.startsWith(AgentOutput.PREFIX))
                .toList();
    }

    /** The application's log lines at WARN or ERROR. */
    List<String> logProblems() {
        return process.stdout()
                .lines()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
    }

    /**
     * Stops the JVM with {@code SIGTERM} and 10 s of grace ({@link ForkedProcess#stop}), so that the agent runs its
     * exit hooks (its control file is deleted); whatever it started is killed.
     */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    @Override
    public String toString() {
        return "\n--- " + name + ": log\n" + process.stdout() + "--- standard error\n" + process.stderr();
    }
}
