package io.gil4j.cli;

import io.gil4j.api.Mode;
import io.gil4j.control.ControlFile;
import io.gil4j.control.Json;
import java.io.PrintStream;
import java.net.http.HttpResponse;
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
        String body = "{\"mode\":" + ControlClient.quote(positional.get(1)) + "}";
        Optional<ControlFile> endpoint = ControlClient.endpoint(positional.get(0), token, err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        // the endpoint answers once the mode is in force: after the lock's code went into every selected class
        HttpResponse<String> response =
                ControlClient.send(endpoint.get(), "POST", "/mode", body, ControlClient.SWITCH_TIMEOUT, err);
        if (response == null) {
            return 1;
        }
        boolean switched = response.statusCode() / 100 == 2;
        (switched ? out : err).println(response.body());
        if (switched && positional.get(1).equals(Mode.GIL.configName())) {
            reportLockEngaged(endpoint.get(), err);
        }
        return switched ? 0 : 1;
    }

    /**
     * After a switch to {@code gil}: how many times the lock was taken in the first second, and a warning if
     * never, which means nothing selected ran (no load, or a selection that misses the code the load runs).
     */
    private static void reportLockEngaged(ControlFile endpoint, PrintStream err) {
        long before = lockAcquisitions(
                ControlClient.send(endpoint, "GET", "/status", null, ControlClient.ANSWER_TIMEOUT, err));
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long after = lockAcquisitions(
                ControlClient.send(endpoint, "GET", "/status", null, ControlClient.ANSWER_TIMEOUT, err));
        if (before < 0 || after < 0) {
            return;
        }
        err.println(
                after > before
                        ? "gil4j mode: the lock was taken " + (after - before) + " times in the first second"
                        : "gil4j mode: warning: the lock was not taken in the first second under gil: no selected code ran"
                                + " (is there load, and does the selection in status name the code it runs?)");
    }

    /** The lock's acquisitions in a {@code /status} answer, or -1 without one. */
    private static long lockAcquisitions(HttpResponse<String> status) {
        if (status == null || status.statusCode() != 200) {
            return -1;
        }
        Object lock = Json.parseObjectOrEmpty(status.body()).get("lock");
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

    private static int call(
            String target, String token, String method, String path, String body, PrintStream out, PrintStream err) {
        Optional<ControlFile> endpoint = ControlClient.endpoint(target, token, err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        HttpResponse<String> response =
                ControlClient.send(endpoint.get(), method, path, body, ControlClient.ANSWER_TIMEOUT, err);
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
            out.println(
                    "latency of marked calls in each stay, and prints the speedup of B over A with a 95 % confidence");
            out.println(
                    "interval as JSON. Defaults: dwell 10 s, warm-up 2 s, 5 rounds. Progress goes to standard error.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = options(args, positional);
        if (positional.size() != 3) {
            err.println("gil4j experiment: expected <pid|url> <modeA> <modeB>, got " + positional
                    + "; see experiment --help");
            return 2;
        }
        String body;
        try {
            body = Stays.of(options).experimentBody(positional.get(1), positional.get(2));
        } catch (IllegalArgumentException e) {
            err.println("gil4j experiment: " + e.getMessage());
            return 2;
        }
        Optional<ControlFile> endpoint = ControlClient.endpoint(positional.get(0), options.get("token"), err);
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
     * Starts the experiment {@code body} describes and polls it each second, with a progress line, until it
     * ends; returns its last JSON, or null (with a message) if it did not start or the endpoint stopped
     * answering.
     */
    static Map<String, Object> runExperiment(ControlFile endpoint, String body, PrintStream err) {
        HttpResponse<String> started =
                ControlClient.send(endpoint, "POST", "/experiment", body, ControlClient.ANSWER_TIMEOUT, err);
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
            HttpResponse<String> now =
                    ControlClient.send(endpoint, "GET", "/experiment", null, ControlClient.ANSWER_TIMEOUT, err);
            if (now == null) {
                return null;
            }
            Map<String, Object> experiment = Json.parseObjectOrEmpty(now.body());
            Object stays = experiment.get("stays");
            String state = String.valueOf(experiment.getOrDefault("state", "unknown"));
            err.println("experiment: " + (stays instanceof List ? ((List<?>) stays).size() : 0) + " stays measured, "
                    + state);
            if (!state.equals("running")) {
                return experiment;
            }
        }
    }
}
