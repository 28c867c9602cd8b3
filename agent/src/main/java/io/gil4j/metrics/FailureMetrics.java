package io.gil4j.metrics;

import io.gil4j.log.AgentFailures;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

/** {@code gil4j.agent.failures}: the agent's own failures, kept from the application, by kind. */
final class FailureMetrics {

    static final AttributeKey<String> KIND = AttributeKey.stringKey("gil4j.failure.kind");

    private FailureMetrics() {}

    static void register(Meter meter, AgentFailures failures) {
        meter.counterBuilder("gil4j.agent.failures")
                .setUnit("{failure}")
                .setDescription("Failures of the agent's own code kept from the application, by kind: runtime (the"
                        + " code ran as if uninstrumented), transformation (the class runs uninstrumented)")
                .buildWithCallback(counter ->
                        failures.counts().forEach((kind, count) -> counter.record(count, Attributes.of(KIND, kind))));
    }
}
