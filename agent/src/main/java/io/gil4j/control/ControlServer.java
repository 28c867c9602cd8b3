package io.gil4j.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The control endpoint, on the JDK's HTTP server: {@code GET /status} answers the {@link AgentStatus} as
 * JSON; {@code POST /mode} with {@code {"mode":"gil"}} switches the mode; {@code POST /experiment} starts an
 * A/B {@link Experiment} (202; 409 while one runs) and {@code GET /experiment} shows it.
 *
 * <p><b>Who may do what.</b> Reading the status needs no token; changing anything needs
 * {@code Authorization: Bearer <token>} (401 otherwise, the mode unchanged). Every request, read or write,
 * is refused with 403 if it names a {@code Host} the endpoint does not serve (DNS rebinding: a page on
 * another site resolving its name to 127.0.0.1) or carries an {@code Origin} or a cross-site
 * {@code Sec-Fetch-Site} (any request a browser sends on a page's behalf: the endpoint serves no pages).
 * A body that is not a JSON object naming a known mode is 400 with a message, the mode unchanged; bodies
 * over {@link #MAX_BODY} bytes are 413.
 *
 * <p>One daemon thread serves requests in turn; a handler never throws into the server (an unexpected
 * failure is a 500). {@link #close()} stops the server and its thread.
 */
public final class ControlServer implements AutoCloseable {

    /** An IPv4 address in 127.0.0.0/8, written out: not a name that merely starts with "127.". */
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** The largest request body read. */
    static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService thread;
    private final AgentStatus agent;
    private final byte[] token;
    private final String boundHost;

    private ControlServer(HttpServer server, ExecutorService thread, AgentStatus agent, String token, String boundHost) {
        this.server = server;
        this.thread = thread;
        this.agent = agent;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.boundHost = boundHost;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ControlServer start(String host, int port, String token, AgentStatus agent) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "gil4j-control");
            t.setDaemon(true);
            return t;
        });
        ControlServer control = new ControlServer(server, thread, agent, token, host);
        server.createContext("/", control::handle);
        server.setExecutor(thread);
        server.start();
        return control;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL of the endpoint, such as {@code http://127.0.0.1:9465}. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (RuntimeException | IOException e) {
                answer = Answer.error(500, "internal error: " + e.getClass().getSimpleName());
            }
            byte[] body = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (answer.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"gil4j\"");
            }
            boolean head = exchange.getRequestMethod().equals("HEAD"); // a HEAD answer has no body
            exchange.sendResponseHeaders(answer.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to tell it
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        if (!servesHost(exchange.getRequestHeaders().getFirst("Host"))) {
            return Answer.error(403, "Host not served here: this endpoint answers to localhost and " + boundHost);
        }
        if (exchange.getRequestHeaders().containsKey("Origin") || isCrossSite(exchange.getRequestHeaders().getFirst("Sec-Fetch-Site"))) {
            return Answer.error(403, "cross-origin requests are refused");
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/status":
                return method.equals("GET") ? new Answer(200, agent.status()) : notAllowed("GET");
            case "/mode":
                if (!method.equals("POST")) {
                    return notAllowed("POST");
                }
                return withTokenAndBody(exchange, this::switchMode);
            case "/experiment":
                if (method.equals("GET")) {
                    Map<String, Object> experiment = agent.experiment();
                    return experiment == null ? Answer.error(404, "no experiment has run; POST /experiment starts one")
                            : new Answer(200, experiment);
                }
                if (!method.equals("POST")) {
                    return notAllowed("GET, POST");
                }
                return withTokenAndBody(exchange, this::startExperiment);
            default:
                return Answer.error(404, "no such resource: GET /status, POST /mode, GET or POST /experiment");
        }
    }

    /**
     * What a change needs first: the token (401 without it) and a body within {@link #MAX_BODY} (413); then
     * {@code change} answers with the body.
     */
    private Answer withTokenAndBody(HttpExchange exchange, Function<String, Answer> change) throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.error(401, "a valid Authorization: Bearer <gil4j.control.token> is required");
        }
        String body = readBody(exchange.getRequestBody());
        return body == null ? Answer.error(413, "the body is over " + MAX_BODY + " bytes") : change.apply(body);
    }

    private Answer switchMode(String body) {
        Map<String, Object> request;
        try {
            request = Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage() + "; send {\"mode\":\"<mode>\"}");
        }
        Object mode = request.get("mode");
        if (!(mode instanceof String) || request.size() != 1) {
            return Answer.error(400, "send {\"mode\":\"<mode>\"} and nothing else");
        }
        String previous = agent.mode();
        try {
            agent.switchMode((String) mode);
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
        return new Answer(200, Map.of("mode", agent.mode(), "previous", previous));
    }

    private Answer startExperiment(String body) {
        try {
            return new Answer(202, agent.startExperiment(Json.parseObject(body)));
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage() + "; send {\"a\":\"gil\",\"b\":\"interpreters\",\"dwellSeconds\":10,"
                    + "\"warmupSeconds\":2,\"rounds\":5}");
        } catch (IllegalStateException e) {
            return Answer.error(409, e.getMessage());
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token);
    }

    /** True for a Host header naming this machine's loopback or the address the endpoint is bound to. */
    private boolean servesHost(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String host;
        try {
            host = URI.create("http://" + header.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches()
                || host.equals(boundHost.toLowerCase(Locale.ROOT));
    }

    private static boolean isCrossSite(String secFetchSite) {
        return secFetchSite != null && !secFetchSite.equals("none") && !secFetchSite.equals("same-origin");
    }

    /** The body as UTF-8, or null if it is longer than {@link #MAX_BODY}. */
    private static String readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : new String(body, StandardCharsets.UTF_8);
    }

    private static Answer notAllowed(String allowed) {
        return Answer.error(405, "use " + allowed);
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    /** A status code and the JSON body that goes with it. */
    private record Answer(int status, Object body) {
        static Answer error(int status, String message) {
            return new Answer(status, Map.of("error", message));
        }
    }
}
