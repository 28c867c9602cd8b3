/**
 * Results as text: a {@link io.gil4j.demo.report.Report} is a header and rows of already formatted cells,
 * and an {@link io.gil4j.demo.report.OutputFormat} renders it as CSV (for scripts) or an aligned table
 * (for people). Numbers are formatted by whoever builds the report, always with {@code Locale.ROOT}.
 */
package io.gil4j.demo.report;
