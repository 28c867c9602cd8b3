package io.gil4j.cli;

import io.gil4j.control.ControlFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private ControlCommands() {}

    static int status(String[] args, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            out.println("usage: java -jar gil4j-agent.jar status <pid|url> [--token TOKEN]");
            out.println("Prints the agent's status (mode, lock, pools, cores, speedup) as JSON.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        String token = options(args, positional);
        if (positional.size() != 1) {
            err.println("gil4j status: expected <pid|url>, got " + positional + "; see status --help");
            return 2;
        }
        return call(positional.get(0), token, "GET", "/status", null, out, err);
    }

    static int mode(String[] args, PrintStream out, PrintStream err) {
        if (isHelp(args)) {
            out.println("usage: java -jar gil4j-agent.jar mode <pid|url> <mode> [--token TOKEN]");
            out.println("Switches a running agent to native, gil, sequential, interpreters or processes.");
            out.println("With a PID the endpoint and token are found in the JVM's control file; with a URL give");
            out.println("--token or set GIL4J_CONTROL_TOKEN.");
            return 0;
        }
        List<String> positional = new ArrayList<>();
        String token = options(args, positional);
        if (positional.size() != 2) {
            err.println("gil4j mode: expected <pid|url> <mode>, got " + positional + "; see mode --help");
            return 2;
        }
        String body = "{\"mode\":\"" + positional.get(1).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return call(positional.get(0), token, "POST", "/mode", body, out, err);
    }

    private static boolean isHelp(String[] args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /** Collects positional arguments into {@code positional}; returns the {@code --token}, or null. */
    private static String options(String[] args, List<String> positional) {
        String token = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--token") && i + 1 < args.length) {
                token = args[++i];
            } else if (args[i].startsWith("--token=")) {
                token = args[i].substring("--token=".length());
            } else {
                positional.add(args[i]);
            }
        }
        return token;
    }

    private static int call(String target, String token, String method, String path, String body, PrintStream out,
            PrintStream err) {
        Optional<ControlFile> endpoint = endpoint(target, token, err);
        if (endpoint.isEmpty()) {
            return 1;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.get().url() + path))
                .timeout(Duration.ofSeconds(10));
        if (endpoint.get().token() != null) {
            request.header("Authorization", "Bearer " + endpoint.get().token());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            (response.statusCode() / 100 == 2 ? out : err).println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("gil4j: no answer from " + endpoint.get().url() + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Optional<ControlFile> endpoint(String target, String token, PrintStream err) {
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
