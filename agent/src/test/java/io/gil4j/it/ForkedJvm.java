package io.gil4j.it;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real JVM with the packaged agent jar, runs one test application to completion, and returns
 * what it printed ({@link ForkedProcess}: a run that outlives its deadline has its threads dumped, is killed,
 * and is reported with its output so far).
 */
final class ForkedJvm {

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
        return homes.stream()
                .filter(h -> Files.isExecutable(h.resolve("bin/java")))
                .distinct();
    }

    /**
     * Runs {@code mainClass} from the test classes (with the API jar and the test support) on {@code jdk}, for
     * at most 60 s.
     *
     * @param agentArgument the agent argument; null runs without the agent
     */
    static ForkedProcess.Result run(Path jdk, String agentArgument, String mainClass, String... args)
            throws IOException, InterruptedException {
        return run(jdk, Map.of(), Duration.ofSeconds(60), agentArgument, mainClass, args);
    }

    /**
     * Runs {@code mainClass} as {@link #run(Path, String, String, String...)} does, with {@code environment}
     * added to the inherited one, for at most {@code deadline}.
     */
    static ForkedProcess.Result run(
            Path jdk,
            Map<String, String> environment,
            Duration deadline,
            String agentArgument,
            String mainClass,
            String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/java").toString());
        command.add("-Xshare:off");
        if (agentArgument != null) {
            command.add(EPHEMERAL_PROMETHEUS_PORT);
            command.add(
                    "-javaagent:" + AGENT_JAR.toAbsolutePath() + (agentArgument.isEmpty() ? "" : "=" + agentArgument));
        }
        command.add("-cp");
        command.add(TEST_CLASSES
                + File.pathSeparator
                + codeSource(io.gil4j.api.Gil4j.class)
                + File.pathSeparator
                + codeSource(Eventually.class)); // test applications wait for conditions with Eventually
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return ForkedProcess.run(command, environment, deadline);
    }

    /** The jar or folder {@code type} was loaded from. */
    private static String codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
