package io.gil4j.cli;

import io.gil4j.advice.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranked candidates of one {@code advise} run, with what rerouting each would buy, as a table for people
 * and as JSON for scripts. Shares are of the stacks of the lock's holders in the sampled window.
 */
final class Advice {

    /** Fewer stacks than this make the shares too coarse to rank by without a warning. */
    private static final int FEW_STACKS = 100;

    private final Map<String, Object> window;
    private final int workers;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private Map<String, Object> verification;
    private Map<String, Object> scaling;

    /** @param window the {@code /advice} answer of the sampled window */
    Advice(Map<String, Object> window, int workers) {
        this.window = window;
        this.workers = workers;
    }

    /** What rerouting code with {@code share} of the hold time, called as {@code calls} says, would do. */
    Prediction predict(double share, Map<String, Object> calls) {
        return Prediction.of(
                share,
                workers,
                spareCores(),
                (long) ControlClient.number(window, "dispatchNanos"),
                (long) ControlClient.number(calls, "count"),
                callNanos(calls));
    }

    /** The cores the service may use less those other processes kept busy while sampling; at least 1. */
    private double spareCores() {
        return Math.max(1, ControlClient.number(window, "cores") - ControlClient.number(window, "otherCores"));
    }

    /**
     * A call's mean duration without the time it waited for the lock: its caller's CPU time where the JVM
     * measures it, else the time from entry to return.
     */
    private static double callNanos(Map<String, Object> calls) {
        double cpu = ControlClient.number(calls, "meanCpuNanos");
        return cpu > 0 ? cpu : ControlClient.number(calls, "meanNanos");
    }

    /**
     * Adds the next candidate in rank order.
     *
     * @param together the prediction for it and the recommended ones above it, or null if it is not recommended
     */
    void add(Map<String, Object> method, Map<String, Object> calls, Prediction alone, Prediction together) {
        double held = ControlClient.number(window, "stacks");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", rows.size() + 1);
        row.put("method", method.get("method"));
        row.put("holdShare", ControlClient.number(method, "inclusive") / held);
        row.put("selfShare", ControlClient.number(method, "self") / held);
        row.put("shareError", ControlClient.number(method, "error") / held);
        row.put("callsPerSecond", ControlClient.number(calls, "perSecond"));
        row.put("meanCallMicros", callNanos(calls) / 1e3);
        row.put("speedup", alone.speedup());
        row.put("speedupTogether", together == null ? null : together.speedup());
        row.put("recommended", alone.recommended());
        row.put("verdict", alone.verdict());
        row.put("offload", method.get("method"));
        rows.add(row);
    }

    /** The first recommended method, or null. */
    String recommended() {
        return firstRecommended().map(r -> (String) r.get("offload")).orElse(null);
    }

    /** The speedup predicted for {@link #recommended()}, or NaN without one. */
    double recommendedSpeedup() {
        return firstRecommended().map(r -> (Double) r.get("speedup")).orElse(Double.NaN);
    }

    private java.util.Optional<Map<String, Object>> firstRecommended() {
        return rows.stream()
                .filter(r -> Boolean.TRUE.equals(r.get("recommended")))
                .findFirst();
    }

    /** The A/B experiment that tried {@link #recommended()}: its JSON, as {@code /experiment} answers. */
    void verified(Map<String, Object> experiment) {
        double predicted = recommendedSpeedup();
        verification = new LinkedHashMap<>();
        verification.put("offload", recommended());
        verification.put("predicted", predicted);
        verification.put("measured", experiment.get("speedup"));
        verification.put("low", experiment.get("low"));
        verification.put("high", experiment.get("high"));
        verification.put("state", experiment.get("state"));
        Object measured = experiment.get("speedup");
        verification.put(
                "error", measured instanceof Number ? predicted / ((Number) measured).doubleValue() - 1 : null);
    }

    /** How {@link #recommended()}'s calls scaled with the workers: the JSON of a {@link ScalingRun}. */
    void scaled(Map<String, Object> run) {
        scaling = run;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : List.of(
                "seconds", "samples", "held", "stacks", "meanWaiters", "cores", "otherCores", "dispatchNanos")) {
            json.put(key, window.get(key));
        }
        json.put("workers", workers);
        json.put("candidates", rows);
        json.put("recommended", recommended());
        json.put("verification", verification);
        json.put("scaling", scaling);
        return json;
    }

    String table() {
        StringBuilder s = new StringBuilder();
        appendWindow(s);
        appendRows(s);
        appendVerification(s);
        if (scaling != null) {
            s.append(ScalingRun.table(scaling));
        }
        return s.toString();
    }

    /** What the window saw: its length, the samples, the lock's hold and the machine. */
    private void appendWindow(StringBuilder s) {
        s.append(String.format(
                Locale.ROOT,
                "advise: %.0f s, %.0f samples, the lock held in %.0f %% of them, %.1f threads waiting on average;"
                        + " %.0f cores (%.1f kept busy by other processes), %d workers, a hand-over of %.1f us%n%n",
                ControlClient.number(window, "seconds"),
                ControlClient.number(window, "samples"),
                100 * ControlClient.number(window, "held") / Math.max(1, ControlClient.number(window, "samples")),
                ControlClient.number(window, "meanWaiters"),
                ControlClient.number(window, "cores"),
                ControlClient.number(window, "otherCores"),
                workers,
                ControlClient.number(window, "dispatchNanos") / 1e3));
        double stacks = ControlClient.number(window, "stacks");
        if (stacks < FEW_STACKS) {
            s.append(String.format(
                    Locale.ROOT,
                    "only %.0f stacks of a lock holder: a share of one half is uncertain by"
                            + " +-%.0f points; sample longer (--duration) or raise gil4j.hold.sample-rate%n%n",
                    stacks,
                    100 * Math.sqrt(0.25 / Math.max(1, stacks))));
        }
    }

    /** One line per candidate, the recommended ones with their offload pattern. */
    private void appendRows(StringBuilder s) {
        s.append(String.format(
                Locale.ROOT,
                "%-4s %6s %6s %9s %10s %7s %8s  %s%n",
                "rank",
                "hold%",
                "self%",
                "calls/s",
                "mean us",
                "alone",
                "with ^",
                "method: verdict"));
        for (Map<String, Object> row : rows) {
            Object together = row.get("speedupTogether");
            s.append(String.format(
                    Locale.ROOT,
                    "%-4d %6.1f %6.1f %9.0f %10.1f %6.2fx %8s  %s: %s%n",
                    (Integer) row.get("rank"),
                    100 * (Double) row.get("holdShare"),
                    100 * (Double) row.get("selfShare"),
                    (Double) row.get("callsPerSecond"),
                    (Double) row.get("meanCallMicros"),
                    (Double) row.get("speedup"),
                    together == null ? "-" : String.format(Locale.ROOT, "%.2fx", (Double) together),
                    row.get("method"),
                    row.get("verdict")));
            if (Boolean.TRUE.equals(row.get("recommended"))) {
                s.append("     offload=").append(row.get("offload")).append('\n');
            }
        }
        s.append("\n\"with ^\": rerouting this and the recommended ones above it together.\n");
    }

    /** The measured speedup of the recommendation, if verified. */
    private void appendVerification(StringBuilder s) {
        if (verification != null) {
            Object error = verification.get("error");
            s.append(String.format(
                    Locale.ROOT,
                    "%nverified offload=%s: predicted %.2fx, measured %s (95 %% interval" + " %s to %s)%s%n",
                    verification.get("offload"),
                    (Double) verification.get("predicted"),
                    verification.get("measured"),
                    verification.get("low"),
                    verification.get("high"),
                    error == null
                            ? ""
                            : String.format(Locale.ROOT, ", the prediction %+.0f %% off", 100 * (Double) error)));
        }
    }
}
