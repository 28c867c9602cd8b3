package io.gil4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM started for a test, the one launcher every module's tests use. Its standard output and standard
 * error each go to a temporary file, readable at any time while it runs ({@link #stdout()}, {@link
 * #stderrLines()}: a test follows a JVM's progress by reading them again) and after.
 *
 * <p>Contract: {@link #awaitExit(Duration)} returns what a JVM that exited in time printed; a JVM still running at
 * the deadline has its threads dumped ({@link #threadDump()}: {@code jcmd <pid> Thread.print}) before it is
 * killed, and the test fails with its output and that dump, so a hang shows where it hangs. {@link #close()}
 * kills the JVM and every process it started if they still run, waits for them, and deletes the files; use
 * try-with-resources for a JVM that runs until stopped, or {@link #stop(Duration)} to end it as an orchestrator
 * does. {@link #jcmd(String...)} runs a diagnostic command against it. One test thread drives an instance; the
 * reads may come from any thread.
 */
public final class ForkedProcess implements AutoCloseable {

    /** How long a thread dump or the end of a killed JVM may take. */
    private static final Duration BRIEF = Duration.ofSeconds(30);

    /**
     * What a finished JVM printed.
     *
     * @param exitCode its exit status
     */
    public record Result(int exitCode, String stdout, String stderr) {

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** The agent's lines on standard error, without its routine notes ({@link AgentOutput#agentLines}). */
        public List<String> agentLines() {
            return AgentOutput.agentLines(stderr.lines());
        }

        /** The agent's start-up line; empty without the agent. */
        public String startLine() {
            return AgentOutput.startLine(stderr.lines());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ForkedProcess(List<String> command, Process process, Path stdout, Path stderr) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code command}, whose first element is a launcher of a JDK ({@code java}, or one of its tools such
     * as {@code jcmd}), with {@code environment} added to the inherited one.
     */
    public static ForkedProcess start(List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("gil4j-forked-", ".out");
            Path err = Files.createTempFile("gil4j-forked-", ".err");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            return new ForkedProcess(List.copyOf(command), builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code command} and waits for it to exit, for at most {@code timeout}: {@link #awaitExit}. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        try (ForkedProcess process = start(command, environment)) {
            return process.awaitExit(timeout);
        }
    }

    /** The {@code java} of the JDK running the tests. */
    public static String currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits for the JVM to exit by itself; what it printed. At the deadline its threads are dumped, it is killed,
     * and the test fails with its output and the dump.
     */
    public Result awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            String dump = threadDump();
            process.destroyForcibly().waitFor(BRIEF.toNanos(), TimeUnit.NANOSECONDS);
            throw new AssertionError("the forked JVM did not exit within " + timeout + ": " + command + "\n--- stdout\n"
                    + stdout() + "--- stderr\n" + stderr() + "--- " + dump);
        }
        return new Result(process.exitValue(), stdout(), stderr());
    }

    /**
     * The JVM's threads as {@code jcmd <pid> Thread.print} prints them, with the {@code jcmd} of the JDK the JVM
     * runs on when there is one (a JDK 17 {@code jcmd} cannot always attach to a later JVM); or why there is none.
     * Never fails: it serves the failure of a test.
     */
    public String threadDump() {
        if (!process.isAlive()) {
            return "no thread dump: the JVM exited with " + process.exitValue();
        }
        try (ForkedProcess jcmd = start(jcmdCommand("Thread.print"), Map.of())) {
            if (!jcmd.process.waitFor(BRIEF.toNanos(), TimeUnit.NANOSECONDS)) {
                return "no thread dump: jcmd did not finish within " + BRIEF + "\n" + jcmd.stdout() + jcmd.stderr();
            }
            return "thread dump (" + jcmd.command.get(0) + "):\n" + jcmd.stdout() + jcmd.stderr();
        } catch (UncheckedIOException e) {
            return "no thread dump: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /**
     * Runs {@code jcmd <pid> arguments} against the JVM, with the {@code jcmd} that {@link #threadDump()} uses,
     * and waits for it as {@link #awaitExit} does, for at most 30 s; what it printed.
     */
    public Result jcmd(String... arguments) throws InterruptedException {
        return run(jcmdCommand(arguments), Map.of(), BRIEF);
    }

    private List<String> jcmdCommand(String... arguments) {
        Path jcmd = Paths.get(command.get(0)).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        }
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
        line.addAll(List.of(arguments));
        return line;
    }

    /** Standard output so far. */
    public String stdout() {
        return read(stdout);
    }

    /** Standard error so far. */
    public String stderr() {
        return read(stderr);
    }

    /** The complete lines of standard error so far. */
    public List<String> stderrLines() {
        String text = stderr();
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status of a JVM that has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Ends the JVM as an orchestrator does: {@code SIGTERM}, so that its shutdown hooks run, and {@code SIGKILL}
     * if it still runs after {@code grace}; then as {@link #close()}, the processes it had started included.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end(started);
    }

    /**
     * Kills the JVM and every process it started if they still run, waits for each (a process that does not end
     * within 30 s is left to the operating system), and deletes the output files.
     */
    @Override
    public void close() {
        end(process.descendants().toList());
    }

    private void end(List<ProcessHandle> started) {
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(BRIEF.toNanos(), TimeUnit.NANOSECONDS);
            for (ProcessHandle child : started) {
                child.onExit().get(BRIEF.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // left to the operating system
        }
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }
}
