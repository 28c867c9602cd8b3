package io.gil4j.demo.bench;

import io.gil4j.demo.report.Report;
import java.util.List;
import java.util.Locale;

/**
 * One line of bench output, in the columns of {@code shared/tools/cpython_ref.py}.
 *
 * @param mode the row's name ({@code sequential}, {@code gil}, {@code native})
 * @param workers the threads that ran tasks (1 for sequential)
 * @param tasks the tasks per round
 * @param seconds the best round's wall-clock time
 * @param speedup the sequential row's seconds divided by this row's
 */
public record BenchRow(String mode, int workers, int tasks, double seconds, double speedup) {

    /** The column names, as cpython_ref.py prints them. */
    public static final List<String> HEADER = List.of("mode", "workers", "tasks", "seconds", "speedup");

    /** The row's cells: seconds with 3 decimals, speedup with 2. */
    public List<String> cells() {
        return List.of(
                mode,
                Integer.toString(workers),
                Integer.toString(tasks),
                String.format(Locale.ROOT, "%.3f", seconds),
                String.format(Locale.ROOT, "%.2f", speedup));
    }

    /** The rows as a report under {@link #HEADER}. */
    public static Report report(List<BenchRow> rows) {
        return new Report(HEADER, rows.stream().map(BenchRow::cells).toList());
    }
}
