package io.gil4j.metrics;

import io.gil4j.stats.DurationHistogram;
import io.gil4j.stats.HistogramSnapshot;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Exports the agent's {@link DurationHistogram}s as OpenTelemetry histograms of seconds, with the bucket
 * boundaries they were recorded in (10 µs to 1 s). The SDK has no asynchronous histogram, and the
 * recorders are already aggregated, so this is a {@link MetricProducer}: at each collection it asks every
 * {@link Source} for its histograms now and hands them to the readers as cumulative data since start-up.
 *
 * <p>Thread safety: {@link #produce} may run on several readers' threads at once (a scrape and an OTLP
 * push); sources must allow that.
 */
final class HistogramExport implements MetricProducer {

    /** Something that has histograms to export. */
    interface Source {
        /** Tells {@code sink} of each histogram point it has now. */
        void collect(Sink sink);
    }

    /** Takes the histogram points of one collection. */
    interface Sink {
        /** One point of the histogram {@code name} ({@code gil4j.lock.wait.duration}). */
        void point(String name, Attributes attributes, HistogramSnapshot snapshot);
    }

    private static final List<Double> BOUNDARIES_SECONDS = boundariesInSeconds();

    private final InstrumentationScopeInfo scope;
    private final Map<String, String> descriptions;
    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private final long startEpochNanos;

    /**
     * @param descriptions each histogram's name and its description, in the order they are exported
     */
    HistogramExport(InstrumentationScopeInfo scope, Map<String, String> descriptions, long startEpochNanos) {
        this.scope = scope;
        this.descriptions = descriptions;
        this.startEpochNanos = startEpochNanos;
    }

    void add(Source source) {
        sources.add(source);
    }

    @Override
    public Collection<MetricData> produce(Resource resource) {
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Map<String, List<HistogramPointData>> points = new LinkedHashMap<>();
        descriptions.keySet().forEach(name -> points.put(name, new ArrayList<>()));
        Sink sink = (name, attributes, snapshot) -> {
            List<HistogramPointData> of = points.get(name);
            if (of == null) {
                throw new IllegalArgumentException("no such histogram: " + name);
            }
            of.add(point(attributes, snapshot, now));
        };
        sources.forEach(source -> source.collect(sink));
        List<MetricData> metrics = new ArrayList<>();
        points.forEach((name, of) -> {
            if (!of.isEmpty()) {
                metrics.add(new Histogram(
                        resource,
                        scope,
                        name,
                        descriptions.get(name),
                        HistogramData.create(AggregationTemporality.CUMULATIVE, of)));
            }
        });
        return metrics;
    }

    private HistogramPointData point(Attributes attributes, HistogramSnapshot snapshot, long now) {
        List<Long> counts = new ArrayList<>(DurationHistogram.BUCKETS);
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            counts.add(snapshot.count(i));
        }
        return HistogramPointData.create(
                startEpochNanos,
                now,
                attributes,
                seconds(snapshot.sumNanos()),
                false,
                0,
                false,
                0,
                BOUNDARIES_SECONDS,
                counts);
    }

    static double seconds(long nanos) {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }

    private static List<Double> boundariesInSeconds() {
        List<Double> seconds = new ArrayList<>();
        DurationHistogram.BOUNDS_NANOS.forEach(nanos -> seconds.add(seconds(nanos)));
        return List.copyOf(seconds);
    }

    /** One histogram metric of seconds. */
    private static final class Histogram implements MetricData {

        private final Resource resource;
        private final InstrumentationScopeInfo scope;
        private final String name;
        private final String description;
        private final HistogramData data;

        Histogram(
                Resource resource,
                InstrumentationScopeInfo scope,
                String name,
                String description,
                HistogramData data) {
            this.resource = resource;
            this.scope = scope;
            this.name = name;
            this.description = description;
            this.data = data;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public InstrumentationScopeInfo getInstrumentationScopeInfo() {
            return scope;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public String getUnit() {
            return "s";
        }

        @Override
        public MetricDataType getType() {
            return MetricDataType.HISTOGRAM;
        }

        @Override
        public Data<?> getData() {
            return data;
        }
    }
}
