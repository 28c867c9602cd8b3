package io.gil4j.demo.convoy;

import io.gil4j.api.Mode;
import io.gil4j.demo.report.Report;
import java.util.List;
import java.util.Locale;

/**
 * One line of convoy output.
 *
 * @param mode the agent mode
 * @param cpuThreads the CPU-bound threads running beside the I/O thread (0 or 1)
 * @param requestsPerSecond the I/O thread's round trips per second
 * @param ratio this mode's throughput alone divided by this row's (1 for the row alone)
 */
public record ConvoyRow(Mode mode, int cpuThreads, double requestsPerSecond, double ratio) {

    /** The column names. */
    public static final List<String> HEADER = List.of("mode", "cpu_threads", "requests_per_second", "ratio");

    /** The row's cells: requests per second with no decimals, ratio with 2. */
    public List<String> cells() {
        return List.of(
                mode.configName(),
                Integer.toString(cpuThreads),
                String.format(Locale.ROOT, "%.0f", requestsPerSecond),
                String.format(Locale.ROOT, "%.2f", ratio));
    }

    /** The rows as a report under {@link #HEADER}. */
    public static Report report(List<ConvoyRow> rows) {
        return new Report(HEADER, rows.stream().map(ConvoyRow::cells).toList());
    }
}
