package io.gil4j.demo.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP metrics receiver on the loopback address: {@code POST /v1/metrics} with a protobuf
 * {@code ExportMetricsServiceRequest}, decoded with the official {@code opentelemetry-proto} classes and
 * kept; answered 200 with an empty {@code ExportMetricsServiceResponse}.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One metric as received, with the resource and scope it came under. */
    record Received(ResourceMetrics resource, ScopeMetrics scope, Metric metric) {
        String resourceAttribute(String key) {
            return resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals(key))
                    .map(KeyValue::getValue)
                    .map(v -> v.getStringValue())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/v1/metrics", this::receive);
        server.start();
    }

    /** The endpoint to give as {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            requests.add(ExportMetricsServiceRequest.parseFrom(body));
            byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Requests received so far. */
    int requests() {
        return requests.size();
    }

    /** The latest metric named {@code name} received under the scope {@code scope} (any scope if null). */
    Optional<Received> latest(String scope, String name) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            for (ResourceMetrics resource : requests.get(i).getResourceMetricsList()) {
                for (ScopeMetrics scoped : resource.getScopeMetricsList()) {
                    if (scope != null && !scoped.getScope().getName().equals(scope)) {
                        continue;
                    }
                    for (Metric metric : scoped.getMetricsList()) {
                        if (metric.getName().equals(name)) {
                            return Optional.of(new Received(resource, scoped, metric));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** True if any metric came under a scope whose name starts with {@code prefix}. */
    boolean anyScopeStartingWith(String prefix) {
        return requests.stream()
                .flatMap(r -> r.getResourceMetricsList().stream())
                .flatMap(r -> r.getScopeMetricsList().stream())
                .anyMatch(s -> s.getScope().getName().startsWith(prefix));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
