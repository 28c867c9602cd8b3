package io.gil4j.metrics;

import io.gil4j.advice.Advisor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

/**
 * Where the main lock is held, and the last advice: {@code gil4j.lock.hold.share}, the share of the holder's
 * stacks each of the {@value #TOP} methods most often on them was on (their {@code code.function.name}, so
 * the series stay bounded), in the last advise window (stacks are recorded only then); and {@code gil4j.advice.speedup}, the speedup
 * {@code advise} predicted for its first recommendation, beside which the dashboards put the measured one.
 */
final class AdviceMetrics {

    /** How many methods the hold share reports. */
    static final int TOP = 20;

    static final AttributeKey<String> OFFLOAD = AttributeKey.stringKey("gil4j.advice.offload");

    private AdviceMetrics() {}

    static void register(Meter meter, Advisor advisor) {
        meter.gaugeBuilder("gil4j.lock.hold.share")
                .setUnit("1")
                .setDescription("Share of the main lock holder's stacks that each of the " + TOP + " methods most"
                        + " often on them was on, since the hold profile's last reset (advise resets it)")
                .buildWithCallback(gauge -> advisor.holdShares(TOP)
                        .forEach((function, share) ->
                                gauge.record(share, Attributes.of(AttributeKeys.FUNCTION, function))));
        meter.gaugeBuilder("gil4j.advice.speedup")
                .setUnit("1")
                .setDescription("The throughput speedup advise predicted for rerouting its first recommendation to"
                        + " interpreters")
                .buildWithCallback(gauge -> {
                    Advisor.Predicted last = advisor.lastPrediction();
                    if (last != null) {
                        gauge.record(last.speedup(), Attributes.of(OFFLOAD, last.offload()));
                    }
                });
    }
}
