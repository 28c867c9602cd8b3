package io.gil4j.cli;

import io.gil4j.control.ControlFile;
import io.gil4j.control.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status <pid|url>} and {@code mode <pid|url> <mode>}: the control endpoint's contract from the
 * command line. With a PID the endpoint and its token come from the JVM's {@link ControlFile}; with a URL
 * the token comes from {@code --token} or {@code GIL4J_CONTROL_TOKEN}. The endpoint's JSON answer is
 * printed as it came; the exit status is 0 for a 2xx answer, 1 for another answer or no answer, 2 for a
 * usage error.
 */
final class ControlCommands {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(10);
    /** A switch retransforms every selected class; with include=** on a large service, that takes minutes. */
    private static final Duration SWITCH_TIMEOUT = Duration.ofMinutes(10);

    private ControlCommands() {}

    static int status(String[] args, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            out.println("usage: java -jar gil4j-agent.jar status <pid|url> [--token TOKEN]");
            out.println("Prints the agent's status (mode, lock, pools, cores, speedup) as JSON.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        String token = options(args, positional).get("token");
        if (positional.size() != 1) {
            err.println("gil4j status: expected <pid|url>, got " + positional + "; see status --help");
            return 2;
        }
        return call(positional.get(0), token, "GET", "/status", null, out, err);
    }

    static int mode(String[] args, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            out.println("usage: java -jar gil4j-agent.jar mode <pid|url> <mode> [--token TOKEN]");
            out.println("Switches a running agent to native, gil, sequential, interpreters or processes, and returns");
            out.println("once the mode is in force; after a switch to gil it says how often the lock was taken in the");
            out.println("first second (a warning if never: nothing selected ran).");
            out.println("With a PID the endpoint and token are found in the JVM's control file; with a URL give");
            out.println("--token or set GIL4J_CONTROL_TOKEN.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        String token = options(args, positional).get("token");
        if (positional.size() != 2) {
            err.println("gil4j mode: expected <pid|url> <mode>, got " + positional + "; see mode --help");
            return 2;
        }
        String body = "{\"mode\":" + quote(positional.get(1)) + "}";
        Optional<ControlFile> endpoint = endpoint(positional.get(0), token, err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        // the endpoint answers once the mode is in force: after the lock's code went into every selected class
        HttpResponse<String> response = send(endpoint.get(), "POST", "/mode", body, SWITCH_TIMEOUT, err);
        if (response == null) {
            return 1;
        }
        boolean switched = response.statusCode() / 100 == 2;
        (switched ? out : err).println(response.body());
        if (switched && positional.get(1).equals("gil")) {
            reportLockEngaged(endpoint.get(), err);
        }
        return switched ? 0 : 1;
    }

    /**
     * After a switch to {@code gil}: how many times the lock was taken in the first second, and a warning if
     * never, which means nothing selected ran (no load, or a selection that misses the code the load runs).
     */
    private static void reportLockEngaged(ControlFile endpoint, PrintStream err) {
        long before = lockAcquisitions(send(endpoint, "GET", "/status", null, STATUS_TIMEOUT, err));
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long after = lockAcquisitions(send(endpoint, "GET", "/status", null, STATUS_TIMEOUT, err));
        if (before < 0 || after < 0) {
            return;
        }
        err.println(after > before ? "gil4j mode: the lock was taken " + (after - before) + " times in the first second"
                : "gil4j mode: warning: the lock was not taken in the first second under gil: no selected code ran"
                        + " (is there load, and does the selection in status name the code it runs?)");
    }

    /** The lock's acquisitions in a {@code /status} answer, or -1 without one. */
    private static long lockAcquisitions(HttpResponse<String> status) {
        if (status == null || status.statusCode() != 200) {
            return -1;
        }
        Object lock = object(status.body()).get("lock");
        Object acquisitions = lock instanceof Map ? ((Map<?, ?>) lock).get("acquisitions") : null;
        return acquisitions instanceof Number ? ((Number) acquisitions).longValue() : -1;
    }

    static boolean isHelp(String[] args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /**
     * Collects positional arguments into {@code positional} and {@code --name value} (or {@code --name=value})
     * options into the map it returns.
     */
    static Map<String, String> options(String[] args, List<String> positional) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].contains("=")) {
                options.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return options;
    }

    private static int call(String target, String token, String method, String path, String body, PrintStream out,
            PrintStream err) {
        Optional<ControlFile> endpoint = endpoint(target, token, err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        HttpResponse<String> response = send(endpoint.get(), method, path, body, err);
        if (response == null) {
            return 1;
        }
        (response.statusCode() / 100 == 2 ? out : err).println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }

    static int experiment(String[] args, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            out.println("usage: java -jar gil4j-agent.jar experiment <pid|url> <modeA> <modeB> [--dwell SECONDS]");
            out.println("           [--warmup SECONDS] [--rounds N] [--token TOKEN]");
            out.println("Alternates A and B (A B A B ...) under the service's own load, measures the throughput and");
            out.println("latency of marked calls in each stay, and prints the speedup of B over A with a 95 % confidence");
            out.println("interval as JSON. Defaults: dwell 10 s, warm-up 2 s, 5 rounds. Progress goes to standard error.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = options(args, positional);
        if (positional.size() != 3) {
            err.println("gil4j experiment: expected <pid|url> <modeA> <modeB>, got " + positional + "; see experiment --help");
            return 2;
        }
        String body;
        try {
            body = experimentBody(positional.get(1), positional.get(2), options);
        } catch (IllegalArgumentException e) {
            err.println("gil4j experiment: " + e.getMessage());
            return 2;
        }
        Optional<ControlFile> endpoint = endpoint(positional.get(0), options.get("token"), err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        Map<String, Object> outcome = runExperiment(endpoint.get(), body, err);
        if (outcome == null) {
            return 1;
        }
        out.println(Json.write(outcome));
        return "done".equals(outcome.get("state")) ? 0 : 1;
    }

    /**
     * The body of {@code POST /experiment} for modes {@code a} and {@code b}, with the {@code --dwell},
     * {@code --warmup} and {@code --rounds} among {@code options}.
     *
     * @throws IllegalArgumentException naming the option whose value is not a number
     */
    static String experimentBody(String a, String b, Map<String, String> options) {
        StringBuilder body = new StringBuilder("{\"a\":" + quote(a) + ",\"b\":" + quote(b));
        for (String[] option : new String[][] {{"dwell", "dwellSeconds"}, {"warmup", "warmupSeconds"}, {"rounds", "rounds"}}) {
            String value = options.get(option[0]);
            if (value != null) {
                if (!value.matches("\\d+(\\.\\d+)?")) {
                    throw new IllegalArgumentException("--" + option[0] + " takes a number, got '" + value + "'");
                }
                body.append(",\"").append(option[1]).append("\":").append(value);
            }
        }
        return body.append('}').toString();
    }

    /**
     * Starts the experiment {@code body} describes and polls it each second, with a progress line, until it
     * ends; returns its last JSON, or null (with a message) if it did not start or the endpoint stopped
     * answering.
     */
    static Map<String, Object> runExperiment(ControlFile endpoint, String body, PrintStream err) {
        HttpResponse<String> started = send(endpoint, "POST", "/experiment", body, err);
        if (started == null || started.statusCode() != 202) {
            if (started != null) {
                err.println(started.body());
            }
            return null;
        }
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            HttpResponse<String> now = send(endpoint, "GET", "/experiment", null, err);
            if (now == null) {
                return null;
            }
            Map<String, Object> experiment = object(now.body());
            Object stays = experiment.get("stays");
            String state = String.valueOf(experiment.getOrDefault("state", "unknown"));
            err.println("experiment: " + (stays instanceof List ? ((List<?>) stays).size() : 0) + " stays measured, "
                    + state);
            if (!state.equals("running")) {
                return experiment;
            }
        }
    }

    /** The JSON object an answer holds; empty if it holds none (an answer that is not JSON has no fields). */
    static Map<String, Object> object(String body) {
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException notJson) {
            return Map.of();
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The endpoint's answer, or null (with a message) if none came within the usual timeout. */
    static HttpResponse<String> send(ControlFile endpoint, String method, String path, String body, PrintStream err) {
        return send(endpoint, method, path, body, STATUS_TIMEOUT, err);
    }

    /** The endpoint's answer, or null (with a message) if none came within {@code timeout}. */
    static HttpResponse<String> send(ControlFile endpoint, String method, String path, String body,
            Duration timeout, PrintStream err) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(timeout);
        if (endpoint.token() != null) {
            request.header("Authorization", "Bearer " + endpoint.token());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            err.println("gil4j: no answer from " + endpoint.url() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Optional<ControlFile> endpoint(String target, String token, PrintStream err) {
        String envToken = System.getenv("GIL4J_CONTROL_TOKEN");
        if (target.startsWith("http://") || target.startsWith("https://")) {
            String url = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
            return Optional.of(new ControlFile(url, token != null ? token : envToken));
        }
        long pid;
        try {
            pid = Long.parseLong(target);
        } catch (NumberFormatException e) {
            err.println("gil4j: '" + target + "' is neither a process id nor an http:// URL");
            return Optional.empty();
        }
        Optional<ControlFile> file = ControlFile.read(ControlFile.of(pid));
        if (file.isEmpty()) {
            err.println("gil4j: no control endpoint known for process " + pid + " (no readable " + ControlFile.of(pid)
                    + "): is the agent attached, with gil4j.control.port not off, and run by this user?");
            return Optional.empty();
        }
        return token == null ? file : Optional.of(new ControlFile(file.get().url(), token));
    }
}
