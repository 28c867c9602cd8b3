package io.gil4j.demo.report;

import java.util.List;

/**
 * A table of results: a header and rows of formatted cells, each row as wide as the header. Cells must not
 * contain commas or line breaks (CSV output does not quote).
 *
 * @param header the column names
 * @param rows the rows, in output order
 */
public record Report(List<String> header, List<List<String>> rows) {

    /**
     * Copies the lists and checks the shape.
     *
     * @throws IllegalArgumentException if a row's width differs from the header's or a cell holds a comma
     *     or a line break
     */
    public Report {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        check(header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row " + row + " has " + row.size() + " cells, header has " + header.size());
            }
            check(row);
        }
    }

    private static void check(List<String> cells) {
        for (String cell : cells) {
            if (cell.indexOf(',') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("cell '" + cell + "' holds a comma or a line break");
            }
        }
    }
}
