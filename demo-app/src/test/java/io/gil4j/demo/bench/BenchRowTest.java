package io.gil4j.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gil4j.demo.report.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRowTest {

    @Test
    void csv_has_cpython_ref_columns_with_3_decimal_seconds_and_2_decimal_speedups() {
        List<BenchRow> rows = List.of(
                new BenchRow("sequential", 1, 8, 1.2344, 1.0), new BenchRow("gil", 2, 8, 1.29951, 1.2344 / 1.29951));
        assertEquals(
                "mode,workers,tasks,seconds,speedup\n" + "sequential,1,8,1.234,1.00\n" + "gil,2,8,1.300,0.95\n",
                OutputFormat.CSV.render(BenchRow.report(rows)));
    }

    @Test
    void numbers_use_a_dot_whatever_the_default_locale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals(List.of("native", "2", "4", "0.500", "2.00"), new BenchRow("native", 2, 4, 0.5, 2).cells());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
