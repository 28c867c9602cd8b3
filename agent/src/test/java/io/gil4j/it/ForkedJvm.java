package io.gil4j.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts a real JVM with the packaged agent jar, runs one test application to completion, and returns
 * what it printed. A run that outlives its deadline is killed and reported with its output so far.
 */
final class ForkedJvm {

    /** The outcome of one run. */
    record Result(int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.lines().collect(Collectors.toList());
        }

        /**
         * The agent's lines on standard error, without the JVM's own notes (class-data sharing and the like)
         * and without the agent's routine notes: its start-up line and the progress of putting the lock's code in.
         */
        List<String> agentLines() {
            return stderr.lines().filter(l -> l.startsWith("[gil4j]") && !isRoutine(l)).collect(Collectors.toList());
        }

        /** The agent's start-up line. */
        String startLine() {
            return stderr.lines().filter(l -> l.startsWith(STARTED)).findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static final String STARTED = "[gil4j] started: ";

    /** True for the agent's routine notes, which every run with the agent prints. */
    static boolean isRoutine(String line) {
        return line.startsWith(STARTED) || line.startsWith("[gil4j] lock code ");
    }

    /** The {@code @MethodSource} of tests that run on every JDK under test. */
    static final String JDKS = "io.gil4j.it.ForkedJvm#jdks";

    /** Metrics stay on, each test JVM's endpoint on a free port: test JVMs never compete for 9464. */
    static final String EPHEMERAL_PROMETHEUS_PORT = "-Dgil4j.otel.exporter.prometheus.port=0";

    static final Path AGENT_JAR = Paths.get(System.getProperty("gil4j.agent.jar", "target/gil4j-agent.jar"));
    private static final String TEST_CLASSES = System.getProperty("gil4j.test.classes", "target/test-classes");

    private ForkedJvm() {}

    /**
     * The JDKs to test on: the one running the tests, every Temurin 25 under /usr/lib/jvm, and the homes
     * listed in {@code GIL4J_TEST_JDKS} (separated by the path separator).
     */
    static Stream<Path> jdks() {
        List<Path> homes = new ArrayList<>();
        homes.add(Paths.get(System.getProperty("java.home")));
        String listed = System.getenv("GIL4J_TEST_JDKS");
        if (listed != null && !listed.isBlank()) {
            Arrays.stream(listed.split(File.pathSeparator)).map(Paths::get).forEach(homes::add);
        }
        File[] temurins = new File("/usr/lib/jvm").listFiles((dir, name) -> name.startsWith("temurin-25"));
        if (temurins != null) {
            Arrays.stream(temurins).map(File::toPath).forEach(homes::add);
        }
        return homes.stream().filter(h -> Files.isExecutable(h.resolve("bin/java"))).distinct();
    }

    /**
     * Runs {@code mainClass} from the test classes (and the API jar) on {@code jdk}, for at most 60 s.
     *
     * @param agentArgument the agent argument; null runs without the agent
     */
    static Result run(Path jdk, String agentArgument, String mainClass, String... args)
            throws IOException, InterruptedException {
        return run(jdk, Map.of(), Duration.ofSeconds(60), agentArgument, mainClass, args);
    }

    /**
     * Runs {@code mainClass} as {@link #run(Path, String, String, String...)} does, with {@code environment}
     * added to the inherited one, for at most {@code deadline}.
     */
    static Result run(Path jdk, Map<String, String> environment, Duration deadline, String agentArgument,
            String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/java").toString());
        command.add("-Xshare:off");
        if (agentArgument != null) {
            command.add(EPHEMERAL_PROMETHEUS_PORT);
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath()
                    + (agentArgument.isEmpty() ? "" : "=" + agentArgument));
        }
        command.add("-cp");
        command.add(TEST_CLASSES + File.pathSeparator + apiJar());
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return execute(command, environment, deadline);
    }

    private static Result execute(List<String> command, Map<String, String> environment, Duration deadline)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("gil4j-it-", ".out");
        Path err = Files.createTempFile("gil4j-it-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            Result result = new Result(finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            if (!finished) {
                throw new AssertionError("forked JVM did not finish within " + deadline + ": " + command + "\n" + result);
            }
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String apiJar() {
        try {
            return Paths.get(io.gil4j.api.Gil4j.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
