package io.gil4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks of the bench CSV's shape shared by the integration tests: columns, row order, numeric fields. */
final class CsvShape {

    private CsvShape() {}

    /**
     * Asserts the header, one row per mode in order, workers 1 for sequential and {@code workers}
     * otherwise, seconds with 3 decimals, speedups with 2 decimals and above 0.
     */
    static void assertBenchCsv(List<String> lines, List<String> modes, int tasks, int workers) {
        assertEquals("mode,workers,tasks,seconds,speedup", lines.get(0), String.join("\n", lines));
        assertEquals(modes.size() + 1, lines.size(), String.join("\n", lines));
        for (int i = 0; i < modes.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(5, cells.length, lines.get(i + 1));
            assertEquals(modes.get(i), cells[0]);
            assertEquals(i == 0 ? 1 : workers, Integer.parseInt(cells[1]));
            assertEquals(tasks, Integer.parseInt(cells[2]));
            assertTrue(cells[3].matches("\\d+\\.\\d{3}"), cells[3]);
            assertTrue(cells[4].matches("\\d+\\.\\d{2}") && Double.parseDouble(cells[4]) > 0, cells[4]);
        }
        assertEquals("1.00", lines.get(1).split(",")[4]);
    }
}
