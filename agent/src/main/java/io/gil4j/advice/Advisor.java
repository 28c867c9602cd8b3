package io.gil4j.advice;

import io.gil4j.config.MarkPattern;
import io.gil4j.stats.HistogramSnapshot;
import io.gil4j.work.MarkedWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The agent's side of {@code advise}: where the lock was held since the last {@link #reset} (from the
 * {@link HoldSampler}), how often the marked methods were called meanwhile and for how long (from
 * {@link MarkedWork}), what a hand-over to a worker costs ({@link DispatchProbe}), and live marking, so that
 * the candidates can be measured and then tried. Thread-safe.
 */
public final class Advisor {

    /** A speedup {@code advise} predicted for rerouting the methods {@code offload} names. */
    public record Predicted(String offload, double speedup) {}

    /** The most methods a report lists. */
    public static final int REPORTED = 50;

    private final HoldSampler sampler;
    private final MarkedWork work;
    private final Function<List<MarkPattern>, String> markAlso;
    private final Supplier<List<MarkPattern>> added;
    private long resetAt = System.nanoTime(); // guarded by this
    private Map<String, HistogramSnapshot> callsAtReset = Map.of(); // guarded by this
    private Map<String, Long> cpuAtReset = Map.of(); // guarded by this
    private OtherLoad otherLoad = OtherLoad.start(); // guarded by this
    private long dispatchNanos; // guarded by this: 0 until probed
    private volatile Predicted lastPrediction;

    /**
     * @param sampler the hold sampler, or null when sampling is off
     * @param work the recorder of marked calls, or null when metrics are off (then no calls are reported)
     * @param markAlso marks methods by pattern live and retransforms, returning what it did
     * @param added the patterns {@code markAlso} added
     */
    public Advisor(
            HoldSampler sampler,
            MarkedWork work,
            Function<List<MarkPattern>, String> markAlso,
            Supplier<List<MarkPattern>> added) {
        this.sampler = sampler;
        this.work = work;
        this.markAlso = markAlso;
        this.added = added;
    }

    /**
     * Starts a new window of {@code stacks}: forgets the samples, records the holder's stacks for that long,
     * and counts calls from now on.
     */
    public synchronized void reset(java.time.Duration stacks) {
        if (sampler != null) {
            sampler.profile().reset();
            sampler.stacksFor(stacks);
        }
        callsAtReset = callsByFunction();
        cpuAtReset = work == null ? Map.of() : work.inlineCpuNanosByFunction();
        otherLoad = OtherLoad.start();
        resetAt = System.nanoTime();
    }

    /**
     * The window's report, as {@code GET /advice} answers it.
     *
     * @throws IllegalStateException if sampling is off
     */
    public synchronized Map<String, Object> report() {
        HoldProfile profile = profile();
        long held = profile.held();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sampleRate", sampler.ratePerSecond());
        report.put("seconds", (System.nanoTime() - resetAt) / 1e9);
        report.put("samples", profile.ticks());
        report.put("held", held);
        report.put("stacks", profile.stacks());
        report.put("meanWaiters", held == 0 ? 0.0 : (double) profile.waiting() / held);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("otherCores", otherLoad.cores());
        if (dispatchNanos == 0) {
            dispatchNanos = DispatchProbe.roundTripNanos();
        }
        report.put("dispatchNanos", dispatchNanos);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (HoldProfile.MethodShare share : profile.top(REPORTED)) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("method", share.method());
            method.put("inclusive", share.inclusive());
            method.put("self", share.self());
            method.put("waiting", share.waiting());
            method.put("error", share.error());
            methods.add(method);
        }
        report.put("methods", methods);
        report.put("calls", callsSinceReset());
        report.put("offload", offloaded());
        return report;
    }

    /** The share of the window's last held samples in which any of {@code methods} was on the holder's stack. */
    public double together(Set<String> methods) {
        return profile().unionShare(methods);
    }

    /**
     * Marks the methods {@code patterns} select (comma-separated method patterns; empty: none) besides the
     * configured marks, in place of those marked this way before.
     *
     * @return what the retransformation did
     * @throws IllegalArgumentException if a pattern is malformed or an annotation
     */
    public String offload(String patterns) {
        List<MarkPattern> parsed = new ArrayList<>();
        for (String pattern : patterns.split(",", -1)) {
            if (!pattern.isBlank()) {
                MarkPattern mark = MarkPattern.of(pattern.trim());
                if (mark.annotation() != null) {
                    throw new IllegalArgumentException("an annotation cannot be added live: '" + pattern.trim() + "'");
                }
                parsed.add(mark);
            }
        }
        return markAlso.apply(parsed);
    }

    /**
     * The share of the holder's stacks each of the {@code limit} methods most often on them was on, by
     * function name ({@code com.acme.Pricing.quote}); empty while sampling is off or before any stack.
     */
    public Map<String, Double> holdShares(int limit) {
        if (sampler == null) {
            return Map.of();
        }
        HoldProfile profile = sampler.profile();
        long stacks = profile.stacks();
        Map<String, Double> shares = new LinkedHashMap<>();
        if (stacks > 0) {
            profile.top(limit)
                    .forEach(m ->
                            shares.merge(m.method().replace('#', '.'), (double) m.inclusive() / stacks, Math::max));
        }
        return shares;
    }

    /** Keeps what {@code advise} predicted for its first recommendation, for the dashboards. */
    public void predicted(Predicted prediction) {
        lastPrediction = prediction;
    }

    /** The last prediction {@code advise} reported, or null. */
    public Predicted lastPrediction() {
        return lastPrediction;
    }

    /** The patterns {@link #offload} added. */
    public List<String> offloaded() {
        return added.get().stream().map(MarkPattern::toString).collect(Collectors.toList());
    }

    private HoldProfile profile() {
        if (sampler == null) {
            throw new IllegalStateException("the hold sampler is off (gil4j.hold.sample-rate=0)");
        }
        return sampler.profile();
    }

    /** By function: the calls that ended since the reset, their summed durations and their callers' CPU time. */
    private Map<String, Object> callsSinceReset() {
        Map<String, Object> calls = new LinkedHashMap<>();
        Map<String, Long> cpu = work == null ? Map.of() : work.inlineCpuNanosByFunction();
        callsByFunction().forEach((function, now) -> {
            HistogramSnapshot since = now.minus(callsAtReset.getOrDefault(function, HistogramSnapshot.EMPTY));
            if (since.count() > 0) {
                calls.put(
                        function,
                        Map.of(
                                "count",
                                since.count(),
                                "sumNanos",
                                since.sumNanos(),
                                "cpuNanos",
                                cpu.getOrDefault(function, 0L) - cpuAtReset.getOrDefault(function, 0L)));
            }
        });
        return calls;
    }

    /** Every marked call ended so far, by function, all modes and outcomes together. */
    private Map<String, HistogramSnapshot> callsByFunction() {
        Map<String, HistogramSnapshot> byFunction = new HashMap<>();
        if (work != null) {
            work.durations()
                    .forEach((series, durations) ->
                            byFunction.merge(series.function(), durations, HistogramSnapshot::plus));
        }
        return byFunction;
    }
}
