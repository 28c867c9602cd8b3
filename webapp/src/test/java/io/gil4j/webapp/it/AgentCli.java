package io.gil4j.webapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the agent's command line, {@code java -jar gil4j-agent.jar <args>}, as an operator types it.
 *
 * @param exit its exit status; -1 if it did not end within the bound and was killed
 * @param wall from launch to exit: what an operator waits for
 */
record AgentCli(List<String> args, int exit, String out, String err, Duration wall) {

    /** Runs the command line with {@code args}, waiting at most {@code timeout}. */
    static AgentCli run(Duration timeout, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Jars.java(), "-jar", Jars.existing(Jars.AGENT).toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("gil4j-cli", ".out");
            Path err = Files.createTempFile("gil4j-cli", ".err");
            try {
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                if (!ended) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                return new AgentCli(
                        List.of(args),
                        ended ? process.exitValue() : -1,
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8),
                        wall);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
