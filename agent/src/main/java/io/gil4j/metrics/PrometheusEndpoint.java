package io.gil4j.metrics;

import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Predicate;

/**
 * The Prometheus scrape endpoint: the OpenTelemetry exporter's HTTP server, configured by the standard
 * {@code otel.exporter.prometheus.host} (default {@code localhost}) and {@code .port} (default 9464), with
 * one difference in naming.
 *
 * <p>Prometheus reserves the suffixes {@code _count}, {@code _sum} and {@code _bucket} for the series of
 * histograms and summaries, and {@code promtool check metrics} flags a gauge named with one. OpenTelemetry
 * names several up-down counters {@code *.count} ({@code jvm.thread.count}, {@code gil4j.pool.thread.count}),
 * which the standard translation exposes as such gauges. This endpoint exposes a gauge whose name ends in
 * {@code _count} under the plural of the word before it instead ({@code jvm_threads},
 * {@code gil4j_pool_threads}, {@code jvm_classes}); and it gives {@code target_info}, the resource, the help
 * text that the exporter leaves out and {@code promtool} asks for. Everything else is named as the
 * OpenTelemetry Prometheus compatibility rules say, and OTLP carries the OpenTelemetry names unchanged.
 */
final class PrometheusEndpoint {

    static final String HOST = "otel.exporter.prometheus.host";
    static final String PORT = "otel.exporter.prometheus.port";
    private static final String COUNT = "_count";
    private static final String TARGET_HELP = "Target metadata: the resource attributes of the service";

    private PrometheusEndpoint() {}

    /**
     * Starts the endpoint as {@code config} says.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    static PrometheusHttpServer start(ConfigProperties config) {
        return PrometheusHttpServer.builder()
                .setHost(config.getString(HOST, "localhost"))
                .setPort(config.getInt(PORT, 9464))
                .setPrometheusRegistry(new LintCleanRegistry())
                .build();
    }

    /** The Prometheus name a gauge named {@code name} is exposed under. */
    static String gaugeName(String name) {
        if (!name.endsWith(COUNT) || name.length() == COUNT.length()) {
            return name;
        }
        String noun = name.substring(0, name.length() - COUNT.length());
        boolean sibilant = noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh");
        return noun + (sibilant ? "es" : "s");
    }

    private static MetricSnapshots lintClean(MetricSnapshots snapshots) {
        MetricSnapshots.Builder clean = MetricSnapshots.builder();
        for (MetricSnapshot snapshot : snapshots) {
            MetricMetadata metadata = snapshot.getMetadata();
            String name = metadata.getPrometheusName();
            if (snapshot instanceof GaugeSnapshot && !gaugeName(name).equals(name)) {
                snapshot = new GaugeSnapshot(
                        new MetricMetadata(
                                gaugeName(name), metadata.getHelp(), metadata.hasUnit() ? metadata.getUnit() : null),
                        ((GaugeSnapshot) snapshot).getDataPoints());
            } else if (snapshot instanceof InfoSnapshot && metadata.getHelp() == null) {
                snapshot = new InfoSnapshot(
                        new MetricMetadata(name, TARGET_HELP), ((InfoSnapshot) snapshot).getDataPoints());
            }
            clean.metricSnapshot(snapshot);
        }
        return clean.build();
    }

    /** A registry whose scrapes come out renamed as the class comment says. */
    private static final class LintCleanRegistry extends PrometheusRegistry {

        @Override
        public MetricSnapshots scrape() {
            return lintClean(super.scrape());
        }

        @Override
        public MetricSnapshots scrape(PrometheusScrapeRequest request) {
            return lintClean(super.scrape(request));
        }

        @Override
        public MetricSnapshots scrape(Predicate<String> includedNames) {
            return lintClean(super.scrape(includedNames));
        }

        @Override
        public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest request) {
            return lintClean(super.scrape(includedNames, request));
        }
    }
}
