package io.gil4j.cli;

import static io.gil4j.cli.ControlClient.number;
import static io.gil4j.cli.ControlClient.object;

import io.gil4j.advice.Prediction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sampling half of {@code advise}: opens an advise window on the service (stacks recorded while it
 * lasts), waits through it with a progress line each second, marks the top candidates live to count their
 * calls, and ranks them with the speedup {@link Prediction} expects of each, alone and together with the
 * recommended ones above it. A candidate that carries the same lock time as a deeper one it calls is not
 * recommended: the deeper one buys the same and moves less.
 */
final class Sampling {

    /** Shares of the lock this close are the same lock time. */
    private static final double SAME_SHARE = 0.02;
    /** A deeper candidate that predicts at least this part of the outer one's gain buys the same. */
    private static final double SAME_GAIN = 0.95;

    private final ControlClient control;
    private final PrintStream err;

    Sampling(ControlClient control, PrintStream err) {
        this.control = control;
        this.err = err;
    }

    /**
     * Samples for {@code duration}, counts the top candidates' calls for {@code measure}, and ranks them.
     *
     * @param workers the interpreters' workers to predict for; 0 for the service's cores
     * @return the advice, or null after a message
     */
    Advice advise(double duration, double measure, int top, int workers) {
        // stacks for the sampling and the counting, with a margin for the answers in between
        if (control.post("/advice/reset", "{\"seconds\":" + (duration + measure + 10) + "}") == null) {
            return null;
        }
        Map<String, Object> window = waitAndRead("sampling", duration);
        if (window == null) {
            return null;
        }
        if (number(window, "stacks") == 0) {
            err.println("gil4j advise: no stack of a thread holding the main lock while sampling: is the service in"
                    + " gil mode, under load, and its JVM one with JFR (module jdk.jfr)?");
            return null;
        }
        List<Map<String, Object>> methods = ControlClient.list(window.get("methods"));
        List<String> candidates =
                methods.stream().limit(top).map(m -> (String) m.get("method")).toList();
        Map<String, Object> calls = measureCalls(candidates, measure);
        if (calls == null) {
            return null;
        }
        Advice advice = new Advice(window, workers > 0 ? workers : (int) number(window, "cores"));
        List<Map<String, Object>> rows = methods.subList(0, candidates.size());
        List<Prediction> alone = new ArrayList<>();
        for (Map<String, Object> method : rows) {
            alone.add(advice.predict(share(method, window), calls(calls, method)));
        }
        List<String> together = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> method = rows.get(i);
            String deeper = alone.get(i).recommended() ? deeperWithTheSameShare(rows, alone, i, window) : null;
            Prediction prediction = deeper == null
                    ? alone.get(i)
                    : new Prediction(
                            alone.get(i).speedup(),
                            false,
                            "the same lock time as " + deeper
                                    + ", which runs inside it: reroute that, which moves less");
            Prediction jointly = null;
            if (prediction.recommended()) {
                together.add((String) method.get("method"));
                jointly = advice.predict(together(together), calls(calls, method));
            }
            advice.add(method, calls(calls, method), prediction, jointly);
        }
        return advice;
    }

    private static double share(Map<String, Object> method, Map<String, Object> window) {
        return number(method, "inclusive") / number(window, "stacks");
    }

    private static Map<String, Object> calls(Map<String, Object> calls, Map<String, Object> method) {
        return object(calls.get(((String) method.get("method")).replace('#', '.')));
    }

    /**
     * Another recommended candidate that carries the same lock time as candidate {@code i} (its share within
     * {@value #SAME_SHARE}) and always runs inside it (the two together cover no more than {@code i} alone),
     * and is deeper (more of the time on top of its own frames, or ranked later), and predicts at least
     * {@value #SAME_GAIN} of its gain (shorter calls pay more hand-overs); null if none. Rerouting the
     * deeper one buys the same and moves less: an outer method carries its caller's state (a request, a
     * connection) across to the worker.
     */
    private String deeperWithTheSameShare(
            List<Map<String, Object>> rows, List<Prediction> alone, int i, Map<String, Object> window) {
        Map<String, Object> outer = rows.get(i);
        for (int j = 0; j < rows.size(); j++) {
            Map<String, Object> inner = rows.get(j);
            boolean deeper = number(inner, "self") > number(outer, "self")
                    || (number(inner, "self") == number(outer, "self") && j > i);
            if (j != i
                    && alone.get(j).recommended()
                    && deeper
                    && alone.get(j).speedup() >= SAME_GAIN * alone.get(i).speedup()
                    && share(inner, window) >= share(outer, window) - SAME_SHARE
                    && together(List.of((String) outer.get("method"), (String) inner.get("method")))
                            <= share(outer, window) + SAME_SHARE) {
                return (String) inner.get("method");
            }
        }
        return null;
    }

    /**
     * Marks {@code candidates} (besides what was marked live before) for {@code seconds}, and returns the
     * calls that ended meanwhile by function, each {@code {count, meanNanos, meanCpuNanos, perSecond}}.
     */
    private Map<String, Object> measureCalls(List<String> candidates, double seconds) {
        return control.withMarked(candidates, () -> {
            Map<String, Object> start = control.get("/advice");
            Map<String, Object> end = start == null ? null : waitAndRead("counting the candidates' calls", seconds);
            if (end == null) {
                return null;
            }
            double elapsed = number(end, "seconds") - number(start, "seconds");
            Map<String, Object> calls = new LinkedHashMap<>();
            object(end.get("calls")).forEach((function, now) -> {
                Map<String, Object> earlier = object(object(start.get("calls")).get(function));
                double count = number(object(now), "count") - number(earlier, "count");
                double sum = number(object(now), "sumNanos") - number(earlier, "sumNanos");
                double cpu = number(object(now), "cpuNanos") - number(earlier, "cpuNanos");
                calls.put(
                        function,
                        Map.of(
                                "count",
                                count,
                                "meanNanos",
                                count > 0 ? sum / count : 0.0,
                                "meanCpuNanos",
                                count > 0 ? cpu / count : 0.0,
                                "perSecond",
                                count / Math.max(1e-9, elapsed)));
            });
            return calls;
        });
    }

    private double together(List<String> methods) {
        StringBuilder body = new StringBuilder("{\"methods\":[");
        methods.forEach(m ->
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(ControlClient.quote(m)));
        Map<String, Object> answer =
                control.post("/advice/together", body.append("]}").toString());
        return answer == null ? Double.NaN : number(answer, "share");
    }

    /** Waits {@code seconds} with a progress line each second, then reads {@code /advice}; null without one. */
    private Map<String, Object> waitAndRead(String what, double seconds) {
        long begin = System.nanoTime();
        long end = begin + (long) (seconds * 1e9);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            try {
                Thread.sleep(Math.min(1000, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            Map<String, Object> now = control.get("/advice");
            if (now == null) {
                return null;
            }
            double held = number(now, "held");
            err.printf(
                    Locale.ROOT,
                    "advise: %s, %.0f/%.0f s: the lock held in %.0f %% of %.0f ticks, %.0f stacks%n",
                    what,
                    (System.nanoTime() - begin) / 1e9,
                    seconds,
                    100 * held / Math.max(1, number(now, "samples")),
                    number(now, "samples"),
                    number(now, "stacks"));
        }
        return control.get("/advice");
    }
}
