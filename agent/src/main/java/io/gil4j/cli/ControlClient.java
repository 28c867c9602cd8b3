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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commands' side of the control endpoint: finding it ({@link #endpoint}), sending it requests, and
 * reading its JSON answers. An instance speaks for one command: an answer other than 200 becomes a message
 * on its error stream, prefixed with the command's name, and a null the command stops on.
 */
final class ControlClient {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** How long an answer that reads or changes no code may take. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** A switch retransforms every selected class; with include=** on a large service, that takes minutes. */
    static final Duration SWITCH_TIMEOUT = Duration.ofMinutes(10);

    private final ControlFile endpoint;
    private final String command;
    private final PrintStream err;

    ControlClient(ControlFile endpoint, String command, PrintStream err) {
        this.endpoint = endpoint;
        this.command = command;
        this.err = err;
    }

    ControlFile endpoint() {
        return endpoint;
    }

    /** The answer to {@code GET path}, or null after a message. */
    Map<String, Object> get(String path) {
        return answer(send(endpoint, "GET", path, null, ANSWER_TIMEOUT, err));
    }

    /** The answer to {@code POST path} with {@code body}, or null after a message. */
    Map<String, Object> post(String path, String body) {
        return answer(send(endpoint, "POST", path, body, ANSWER_TIMEOUT, err));
    }

    /** Switches the service to {@code mode}, answering once it is in force; null after a message. */
    Map<String, Object> switchTo(String mode) {
        return answer(send(endpoint, "POST", "/mode", "{\"mode\":" + quote(mode) + "}", SWITCH_TIMEOUT, err));
    }

    /**
     * Runs {@code measurement} with {@code methods} marked live besides the marks found; the marks and the
     * mode found are restored whatever happens.
     *
     * @return what {@code measurement} returned, or null (after a message) if the marking failed
     */
    <T> T withMarked(List<String> methods, Supplier<T> measurement) {
        Map<String, Object> found = get("/offload");
        Map<String, Object> status = get("/status");
        if (found == null || status == null) {
            return null;
        }
        List<String> before = ControlClient.list(found.get("offload")).stream()
                .map(String::valueOf)
                .toList();
        List<String> marks = new ArrayList<>(before);
        marks.addAll(methods);
        try {
            return post("/offload", offloadBody(marks)) == null ? null : measurement.get();
        } finally {
            post("/offload", offloadBody(before));
            Map<String, Object> after = get("/status");
            Object mode = status.get("mode");
            if (after != null && mode != null && !mode.equals(after.get("mode"))) {
                switchTo(String.valueOf(mode));
            }
        }
    }

    private static String offloadBody(List<String> patterns) {
        return "{\"offload\":" + ControlClient.quote(String.join(",", patterns)) + "}";
    }

    private Map<String, Object> answer(HttpResponse<String> response) {
        if (response == null) {
            return null;
        }
        if (response.statusCode() != 200) {
            err.println("gil4j " + command + ": " + response.statusCode() + " " + response.body());
            return null;
        }
        return Json.parseObjectOrEmpty(response.body());
    }

    /** The endpoint's answer, or null (with a message) if none came within {@code timeout}. */
    static HttpResponse<String> send(
            ControlFile endpoint, String method, String path, String body, Duration timeout, PrintStream err) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(timeout);
        if (endpoint.token() != null) {
            request.header("Authorization", "Bearer " + endpoint.token());
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
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

    /**
     * The endpoint of {@code target}: an {@code http://} URL (token from {@code token} or {@code
     * GIL4J_CONTROL_TOKEN}), or a process id whose {@link ControlFile} names it; empty after a message.
     */
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

    /** {@code text} as a JSON string. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The number at {@code key}, or 0 if there is none. */
    static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number ? ((Number) value).doubleValue() : 0;
    }

    /** {@code value} as a JSON object; empty if it is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    /** {@code value} as a JSON array of objects; empty if it is no array. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }
}
