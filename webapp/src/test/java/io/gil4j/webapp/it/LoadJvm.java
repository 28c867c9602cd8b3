package io.gil4j.webapp.it;

import io.gil4j.testing.ForkedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's closed-loop load in a JVM of its own, a {@link ForkedProcess}: {@code gil4j-demo.jar load --format
 * csv}. Its progress (standard error, one line a second) is read line by line as it comes, its result from
 * standard output when it ends. Closing it kills it.
 */
final class LoadJvm implements AutoCloseable {

    private static final Pattern PROGRESS = Pattern.compile("load: \\d+/\\d+ s, (\\d+) requests, .*, (\\d+) errors");

    private final ForkedProcess process;

    private LoadJvm(ForkedProcess process) {
        this.process = process;
    }

    /** Starts {@code concurrency} clients on {@code url} for {@code duration}. */
    static LoadJvm start(String url, int concurrency, Duration duration) {
        return new LoadJvm(ForkedProcess.start(
                List.of(
                        ForkedProcess.currentJava(),
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
                        "csv"),
                Map.of()));
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
        return (int) process.stderrLines().stream()
                .filter(line -> PROGRESS.matcher(line).find())
                .count();
    }

    private long fromLatestProgress(int group) {
        List<String> stderr = process.stderrLines();
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

    /**
     * Waits for the load to end; its result. A load still running at {@code timeout} has its threads dumped and
     * is killed ({@link ForkedProcess#awaitExit}).
     */
    Result awaitResult(Duration timeout) throws InterruptedException {
        ForkedProcess.Result run = process.awaitExit(timeout);
        List<String> lines = run.stdoutLines();
        if (lines.size() < 2 || !lines.get(0).startsWith("requests,errors,")) {
            throw new AssertionError("the load printed no result: " + run);
        }
        String[] row = lines.get(1).split(",");
        return new Result(
                Long.parseLong(row[0]), Long.parseLong(row[1]), Double.parseDouble(row[3]), Double.parseDouble(row[6]));
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "\n--- load" + process;
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
