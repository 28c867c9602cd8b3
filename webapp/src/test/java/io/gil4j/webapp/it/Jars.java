package io.gil4j.webapp.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The jars the integration tests start, from system properties that the build sets. */
final class Jars {

    /** gil4j's agent: {@code gil4j.agent.jar}. */
    static final Path AGENT = jar("gil4j.agent.jar", "../agent/target/gil4j-agent.jar");
    /** The demo, for its {@code load} command: {@code gil4j.demo.jar}. */
    static final Path DEMO = jar("gil4j.demo.jar", "../demo-app/target/gil4j-demo.jar");
    /** The Spring Boot service under test: {@code gil4j.webapp.jar}. */
    static final Path WEBAPP = jar("gil4j.webapp.jar", "target/gil4j-webapp.jar");

    private Jars() {}

    private static Path jar(String property, String fallback) {
        return Paths.get(System.getProperty(property, fallback))
                .toAbsolutePath()
                .normalize();
    }

    /** Fails with a hint on how to build {@code jar} if it is missing. */
    static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build it first (./mvnw -B -DskipTests package)");
        }
        return jar;
    }
}
