package io.gil4j.demo.load;

import io.gil4j.demo.report.Report;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a load achieved: requests answered 2xx, failed ones, the time it ran, and the latencies of the
 * answered requests.
 *
 * @param requests requests answered with a 2xx status
 * @param errors requests that failed or were answered otherwise
 * @param seconds wall-clock time of the load
 * @param latenciesNanos the latency of each answered request, sorted ascending
 */
@SuppressWarnings("ArrayRecordComponent") // a result read once, never compared
public record LoadResult(long requests, long errors, double seconds, long[] latenciesNanos) {

    /** The column names of {@link #report()}. */
    public static final List<String> HEADER =
            List.of("requests", "errors", "seconds", "throughput", "p50_ms", "p90_ms", "p99_ms", "max_ms");

    /** Answered requests per second. */
    public double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /** The latency at quantile {@code q} (nearest rank), in milliseconds; 0 if nothing was answered. */
    public double latencyMillis(double q) {
        if (latenciesNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * latenciesNanos.length) - 1;
        return latenciesNanos[Math.max(0, Math.min(rank, latenciesNanos.length - 1))] / 1e6;
    }

    /** One row under {@link #HEADER}. */
    public Report report() {
        return new Report(
                HEADER,
                List.of(List.of(
                        Long.toString(requests),
                        Long.toString(errors),
                        format(seconds, 1),
                        format(throughput(), 2),
                        format(latencyMillis(0.5), 1),
                        format(latencyMillis(0.9), 1),
                        format(latencyMillis(0.99), 1),
                        format(latencyMillis(1), 1))));
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadResult other
                && requests == other.requests
                && errors == other.errors
                && seconds == other.seconds
                && Arrays.equals(latenciesNanos, other.latenciesNanos);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(requests) * 31 + Arrays.hashCode(latenciesNanos);
    }

    @Override
    public String toString() {
        return "LoadResult[" + requests + " requests, " + errors + " errors, " + seconds + " s]";
    }
}
