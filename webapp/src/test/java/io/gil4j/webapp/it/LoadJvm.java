package io.gil4j.webapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's closed-loop load in a JVM of its own: {@code gil4j-demo.jar load --format csv}. Its progress
 * (standard error, one line a second) is kept line by line, its result read from standard output when it
 * ends. Closing it kills it.
 */
final class LoadJvm implements AutoCloseable {

    private static final Pattern PROGRESS = Pattern.compile("load: \\d+/\\d+ s, (\\d+) requests, .*, (\\d+) errors");

    private final Process process;
    private final Path out;
    private final List<String> stderr;

    private LoadJvm(Process process, Path out) {
        this.process = process;
        this.out = out;
        this.stderr = new StandardError(process, "load-stderr").lines();
    }

    /** Starts {@code concurrency} clients on {@code url} for {@code duration}. */
    static LoadJvm start(String url, int concurrency, Duration duration) {
        try {
            Path out = Files.createTempFile("gil4j-load", ".csv");
            Process process = new ProcessBuilder(
                            Jars.java(),
                            "-jar",
                            Jars.existing(Jars.DEMO).toString(),
                            "load",
                            "--url",
                            url,
                            "--concurrency",
                            Integer.toString(concurrency),
                            "--duration",
                            duration.toSeconds() + "s",
                            "--format",
                            "csv")
                    .redirectOutput(out.toFile())
                    .start();
            return new LoadJvm(process, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests answered so far, from the latest progress line; 0 before the first. */
    long answeredSoFar() {
        return fromLatestProgress(1);
    }

    /** Requests failed so far, from the latest progress line; 0 before the first. */
    long failedSoFar() {
        return fromLatestProgress(2);
    }

    /** How many progress lines the load has printed so far. */
    int progressLines() {
        return (int)
                stderr.stream().filter(line -> PROGRESS.matcher(line).find()).count();
    }

    private long fromLatestProgress(int group) {
        for (int i = stderr.size() - 1; i >= 0; i--) {
            Matcher m = PROGRESS.matcher(stderr.get(i));
            if (m.find()) {
                return Long.parseLong(m.group(group));
            }
        }
        return 0;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the load to end; its result. */
    Result awaitResult(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the load did not end within " + timeout + this);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).startsWith("requests,errors,")) {
            throw new AssertionError("the load (exit " + process.exitValue() + ") printed no result" + this);
        }
        String[] row = lines.get(1).split(",");
        return new Result(
                Long.parseLong(row[0]), Long.parseLong(row[1]), Double.parseDouble(row[3]), Double.parseDouble(row[6]));
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(out);
    }

    @Override
    public String toString() {
        String result;
        try {
            result = Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            result = "(unreadable: " + e + ")";
        }
        return "\n--- load: standard output\n" + result + "--- standard error\n" + String.join("\n", stderr);
    }

    /**
     * What the load reported (the demo's {@code LoadResult} columns).
     *
     * @param requests answered 2xx
     * @param errors failed, or answered otherwise
     * @param throughput answered requests per second
     * @param p99Millis the 99th percentile of latency
     */
    record Result(long requests, long errors, double throughput, double p99Millis) {}
}
