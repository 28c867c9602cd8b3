package io.gil4j.demo.report;

import java.util.List;
import java.util.Locale;

/** How a {@link Report} is written to standard output. */
public enum OutputFormat {
    /** Columns aligned with spaces: the first column to the left, the others (numbers) to the right. */
    TABLE {
        @Override
        public String render(Report report) {
            int[] widths = new int[report.header().size()];
            measure(report.header(), widths);
            report.rows().forEach(row -> measure(row, widths));
            StringBuilder text = new StringBuilder();
            appendAligned(text, report.header(), widths);
            for (List<String> row : report.rows()) {
                appendAligned(text, row, widths);
            }
            return text.toString();
        }
    },
    /** Comma-separated values: the header line, then one line per row, no quoting. */
    CSV {
        @Override
        public String render(Report report) {
            StringBuilder text = new StringBuilder();
            text.append(String.join(",", report.header())).append('\n');
            for (List<String> row : report.rows()) {
                text.append(String.join(",", row)).append('\n');
            }
            return text.toString();
        }
    };

    private static final String GAP = "  ";

    /** The report as text, every line ending in {@code \n}. */
    public abstract String render(Report report);

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@link #label()}, as the command line's help shows a default. */
    @Override
    public String toString() {
        return label();
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void appendAligned(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            if (i == 0) {
                text.append(cell).append(pad);
            } else {
                text.append(GAP).append(pad).append(cell);
            }
        }
        text.append('\n');
    }
}
