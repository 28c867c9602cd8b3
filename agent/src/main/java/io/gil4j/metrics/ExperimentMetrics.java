package io.gil4j.metrics;

import io.gil4j.experiment.ExperimentOutcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Supplier;

/**
 * The outcome of the latest completed A/B experiment ({@code POST /experiment}): the speedup of mode B over
 * mode A and its 95 % confidence interval, as one gauge with a {@code gil4j.experiment.bound} attribute.
 * Nothing is recorded before an experiment has completed.
 */
final class ExperimentMetrics {

    static final AttributeKey<String> A = AttributeKey.stringKey("gil4j.experiment.a");
    static final AttributeKey<String> B = AttributeKey.stringKey("gil4j.experiment.b");
    static final AttributeKey<String> BOUND = AttributeKey.stringKey("gil4j.experiment.bound");

    private ExperimentMetrics() {}

    static void register(Meter meter, Supplier<ExperimentOutcome> outcomes) {
        meter.gaugeBuilder("gil4j.experiment.speedup")
                .setUnit("1")
                .setDescription("Speedup of mode B over mode A in the latest completed A/B experiment (bound=estimate),"
                        + " and its 95 % confidence interval (bound=low, bound=high)")
                .buildWithCallback(gauge -> {
                    ExperimentOutcome outcome = outcomes.get();
                    if (outcome == null) {
                        return;
                    }
                    gauge.record(outcome.speedup(), Attributes.of(A, outcome.a(), B, outcome.b(), BOUND, "estimate"));
                    gauge.record(outcome.low(), Attributes.of(A, outcome.a(), B, outcome.b(), BOUND, "low"));
                    gauge.record(outcome.high(), Attributes.of(A, outcome.a(), B, outcome.b(), BOUND, "high"));
                });
    }
}
