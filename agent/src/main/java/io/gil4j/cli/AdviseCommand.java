package io.gil4j.cli;

import io.gil4j.advice.Prediction;
import io.gil4j.control.ControlFile;
import io.gil4j.control.Json;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code advise <pid|url>}: which methods to reroute to {@code interpreters}, and what each would buy. Samples
 * where the main lock is held for {@code --duration}, marks the top candidates live for {@code --measure}
 * to count their calls (restoring the marks it found, whatever happens), then ranks them by their share of
 * the lock's hold time with the speedup {@link Prediction} expects, alone and together with those above.
 * With {@code --verify} it tries the first recommendation with an A/B experiment. Progress goes to standard
 * error; the exit status is 0 with advice (and, with {@code --verify}, an experiment run to its end), 1
 * without (no answer, no stack of a holder), 2 for a usage error.
 */
final class AdviseCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");
    /** Shares of the lock this close are the same lock time. */
    private static final double SAME_SHARE = 0.02;

    private final ControlFile endpoint;
    private final PrintStream err;

    private AdviseCommand(ControlFile endpoint, PrintStream err) {
        this.endpoint = endpoint;
        this.err = err;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (ControlCommands.isHelp(args)) {
            out.print(usage());
            return 0;
        }
        List<String> positional = new ArrayList<>();
        boolean verify = Arrays.asList(args).contains("--verify");
        Map<String, String> options = ControlCommands.options(
                Arrays.stream(args).filter(a -> !a.equals("--verify")).toArray(String[]::new), positional);
        if (positional.size() != 1) {
            err.println("gil4j advise: expected <pid|url>, got " + positional + "; see advise --help");
            return 2;
        }
        double duration = seconds(options.getOrDefault("duration", "30s"));
        double measure = seconds(options.getOrDefault("measure", "5s"));
        int top = whole(options.getOrDefault("top", "5"));
        int workers = whole(options.getOrDefault("workers", "0"));
        String format = options.getOrDefault("format", "table");
        if (duration <= 0 || measure <= 0 || top < 1 || workers < 0 || !format.matches("table|json")) {
            err.println("gil4j advise: --duration and --measure take durations such as 30s or 500ms, --top and"
                    + " --workers whole numbers from 1, --format table or json; got " + options);
            return 2;
        }
        Optional<ControlFile> endpoint = ControlCommands.endpoint(positional.get(0), options.get("token"), err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        String experiment;
        try {
            experiment = ControlCommands.experimentBody("gil", "interpreters", options);
        } catch (IllegalArgumentException e) {
            err.println("gil4j advise: " + e.getMessage());
            return 2;
        }
        AdviseCommand command = new AdviseCommand(endpoint.get(), err);
        Advice advice = command.advise(duration, measure, top, workers);
        if (advice == null) {
            return 1;
        }
        if (advice.recommended() != null) { // for the dashboards, beside the measured speedup
            command.post("/advice/prediction", "{\"offload\":" + ControlCommands.quote(advice.recommended())
                    + ",\"speedup\":" + advice.recommendedSpeedup() + "}");
        }
        int status = verify ? command.verify(advice, experiment) : 0;
        out.print(format.equals("json") ? Json.write(advice.json()) + "\n" : advice.table());
        return status;
    }

    /**
     * Tries the first recommendation: marks it live, runs the A/B experiment gil against interpreters, and
     * adds the measured speedup beside the predicted one to {@code advice}; the marks and the mode found are
     * restored whatever happens.
     *
     * @return 0 if the experiment ran to its end, else 1
     */
    private int verify(Advice advice, String experiment) {
        String method = advice.recommended();
        if (method == null) {
            err.println("gil4j advise: nothing recommended, so nothing to verify");
            return 1;
        }
        Map<String, Object> found = get("/offload");
        Map<String, Object> status = get("/status");
        if (found == null || status == null) {
            return 1;
        }
        List<String> before = list(found.get("offload")).stream().map(String::valueOf).toList();
        List<String> marks = new ArrayList<>(before);
        marks.add(method);
        try {
            if (post("/offload", offloadBody(marks)) == null) {
                return 1;
            }
            err.println("advise: verifying offload=" + method + " with an A/B experiment, gil against interpreters");
            Map<String, Object> outcome = ControlCommands.runExperiment(endpoint, experiment, err);
            if (outcome == null) {
                return 1;
            }
            advice.verified(outcome);
            return "done".equals(outcome.get("state")) ? 0 : 1;
        } finally {
            post("/offload", offloadBody(before));
            Map<String, Object> after = get("/status");
            Object mode = status.get("mode");
            if (after != null && mode != null && !mode.equals(after.get("mode"))) {
                post("/mode", "{\"mode\":" + ControlCommands.quote(String.valueOf(mode)) + "}");
            }
        }
    }

    private Advice advise(double duration, double measure, int top, int workers) {
        // stacks for the sampling and the counting, with a margin for the answers in between
        if (post("/advice/reset", "{\"seconds\":" + (duration + measure + 10) + "}") == null) {
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
        List<Map<String, Object>> methods = list(window.get("methods"));
        List<String> candidates = methods.stream().limit(top).map(m -> (String) m.get("method")).toList();
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
            Prediction prediction = deeper == null ? alone.get(i) : new Prediction(alone.get(i).speedup(), false,
                    "the same lock time as " + deeper + ", which runs inside it: reroute that, which moves less");
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
     * and is deeper (more of the time on top of its own frames, or ranked later); null if none. Rerouting the
     * deeper one buys the same and moves less: an outer method carries its caller's state (a request, a
     * connection) across to the worker.
     */
    private String deeperWithTheSameShare(List<Map<String, Object>> rows, List<Prediction> alone, int i,
            Map<String, Object> window) {
        Map<String, Object> outer = rows.get(i);
        for (int j = 0; j < rows.size(); j++) {
            Map<String, Object> inner = rows.get(j);
            boolean deeper = number(inner, "self") > number(outer, "self")
                    || number(inner, "self") == number(outer, "self") && j > i;
            if (j != i && alone.get(j).recommended() && deeper
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
     * calls that ended meanwhile by function, each {@code {count, meanNanos, perSecond}}; the marks found are
     * restored in every case.
     */
    private Map<String, Object> measureCalls(List<String> candidates, double seconds) {
        Map<String, Object> found = get("/offload");
        if (found == null) {
            return null;
        }
        List<String> before = list(found.get("offload")).stream().map(String::valueOf).toList();
        List<String> marks = new ArrayList<>(before);
        marks.addAll(candidates);
        try {
            Map<String, Object> start = post("/offload", offloadBody(marks)) == null ? null : get("/advice");
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
                calls.put(function, Map.of("count", count, "meanNanos", count > 0 ? sum / count : 0.0,
                        "meanCpuNanos", count > 0 ? cpu / count : 0.0, "perSecond", count / Math.max(1e-9, elapsed)));
            });
            return calls;
        } finally {
            post("/offload", offloadBody(before));
        }
    }

    private static String offloadBody(List<String> patterns) {
        return "{\"offload\":" + ControlCommands.quote(String.join(",", patterns)) + "}";
    }

    private double together(List<String> methods) {
        StringBuilder body = new StringBuilder("{\"methods\":[");
        methods.forEach(m -> body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
                .append(ControlCommands.quote(m)));
        Map<String, Object> answer = post("/advice/together", body.append("]}").toString());
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
            Map<String, Object> now = get("/advice");
            if (now == null) {
                return null;
            }
            double held = number(now, "held");
            err.printf(Locale.ROOT, "advise: %s, %.0f/%.0f s: the lock held in %.0f %% of %.0f ticks, %.0f stacks%n",
                    what, (System.nanoTime() - begin) / 1e9, seconds, 100 * held / Math.max(1, number(now, "samples")),
                    number(now, "samples"), number(now, "stacks"));
        }
        return get("/advice");
    }

    private Map<String, Object> get(String path) {
        return answer(ControlCommands.send(endpoint, "GET", path, null, err));
    }

    private Map<String, Object> post(String path, String body) {
        return answer(ControlCommands.send(endpoint, "POST", path, body, err));
    }

    private Map<String, Object> answer(HttpResponse<String> response) {
        if (response == null) {
            return null;
        }
        if (response.statusCode() != 200) {
            err.println("gil4j advise: " + response.statusCode() + " " + response.body());
            return null;
        }
        return ControlCommands.object(response.body());
    }

    static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number ? ((Number) value).doubleValue() : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    /** Seconds in {@code 30s}, {@code 500ms}, {@code 2m} or {@code 30}; -1 if malformed. */
    static double seconds(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2) == null || m.group(2).equals("s") ? value : m.group(2).equals("ms") ? value / 1e3 : value * 60;
    }

    private static int whole(String text) {
        return text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
    }

    static String usage() {
        return String.join("\n", Arrays.asList(
                "usage: java -jar gil4j-agent.jar advise <pid|url> [--duration 30s] [--measure 5s] [--workers N]",
                "           [--top K] [--format table|json] [--token TOKEN]",
                "           [--verify [--dwell SECONDS] [--warmup SECONDS] [--rounds N]]",
                "Samples where the main lock is held (the service in gil mode, under its load) for --duration, then",
                "marks the top K methods live for --measure to count their calls (the marks it found are restored),",
                "and prints them ranked by their share of the lock's hold time, with the throughput speedup expected",
                "if each alone, and the recommended ones together, were rerouted to interpreters with N workers",
                "(default: the service's cores), and the offload= value to paste. Calls shorter than twice a",
                "hand-over, and code that never returns, are flagged, not recommended. Defaults: 30 s, 5 s, top 5.",
                "With --verify it then marks the first recommendation live, runs the A/B experiment gil against",
                "interpreters (as the experiment command does; defaults: dwell 10 s, warm-up 2 s, 5 rounds), and",
                "prints the measured speedup with its 95 % interval beside the predicted one; the marks and the",
                "mode it found are restored whatever happens.",
                ""));
    }
}
