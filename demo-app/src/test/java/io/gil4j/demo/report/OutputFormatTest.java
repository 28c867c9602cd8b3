package io.gil4j.demo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    private static final Report REPORT =
            new Report(List.of("mode", "seconds"), List.of(List.of("sequential", "1.234"), List.of("gil", "12.300")));

    @Test
    void csv_writes_the_header_and_one_line_per_row() {
        assertEquals("mode,seconds\nsequential,1.234\ngil,12.300\n", OutputFormat.CSV.render(REPORT));
    }

    @Test
    void table_aligns_the_first_column_left_and_the_others_right() {
        assertEquals(
                String.join("\n", "mode        seconds", "sequential    1.234", "gil          12.300", ""),
                OutputFormat.TABLE.render(REPORT));
    }

    @Test
    void report_rejects_ragged_rows_and_cells_that_would_break_csv() {
        assertThrows(IllegalArgumentException.class, () -> new Report(List.of("a", "b"), List.of(List.of("1"))));
        assertThrows(IllegalArgumentException.class, () -> new Report(List.of("a"), List.of(List.of("1,2"))));
        assertThrows(IllegalArgumentException.class, () -> new Report(List.of("a"), List.of(List.of("1\n2"))));
    }
}
