package io.gil4j.dashboards;

/**
 * One PromQL query of a panel, with the legend Grafana draws for each series it returns.
 *
 * @param expr the PromQL, with Grafana's variables ({@code $job}, {@code $__rate_interval}) left in
 * @param legend the legend format, such as {@code {{gil4j_mode}}}
 */
public record Query(String expr, String legend) {

    /** The selector every gil4j query starts from: the dashboard's job and instance, and {@code more}. */
    static String of(String metric, String more) {
        return metric + "{job=~\"$job\", instance=~\"$instance\"" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    /** {@link #of(String, String)} with nothing more. */
    static String of(String metric) {
        return of(metric, "");
    }

    /** {@code rate(selector[$__rate_interval])}. */
    static String rate(String selector) {
        return "rate(" + selector + "[$__rate_interval])";
    }

    /**
     * One query per quantile of {@code quantiles} (such as 0.5 and 0.99) of a histogram's buckets, per the
     * label {@code by}, each with the legend {@code p<percent> {{by}}}.
     */
    static Query[] percentiles(String buckets, String by, double... quantiles) {
        Query[] queries = new Query[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            queries[i] = new Query(
                    quantile(quantiles[i], buckets, by), "p" + Math.round(quantiles[i] * 100) + " {{" + by + "}}");
        }
        return queries;
    }

    /** The {@code q}-quantile of a histogram's buckets, per {@code by} (comma-separated labels, may be empty). */
    static String quantile(double q, String buckets, String by) {
        return "histogram_quantile(" + q + ", sum by (le" + (by.isEmpty() ? "" : ", " + by) + ") (" + rate(buckets)
                + "))";
    }
}
