package io.gil4j.control;

import io.gil4j.advice.Advisor;
import io.gil4j.control.RequestParser.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The control endpoint, on an {@link HttpEndpoint}: {@code GET /status} answers the {@link AgentStatus} as
 * JSON; {@code POST /mode} with {@code {"mode":"gil"}} switches the mode; {@code POST /experiment} starts an
 * A/B {@link Experiment} (202; 409 while one runs) and {@code GET /experiment} shows it.
 *
 * <p><b>Who may do what.</b> Reading the status needs no token; changing anything needs
 * {@code Authorization: Bearer <token>} (401 otherwise, the mode unchanged). Every request, read or write,
 * is refused with 403 if it names a {@code Host} the endpoint does not serve (DNS rebinding: a page on
 * another site resolving its name to 127.0.0.1) or carries an {@code Origin} or a cross-site
 * {@code Sec-Fetch-Site} (any request a browser sends on a page's behalf: the endpoint serves no pages).
 * A body that is not a JSON object naming a known mode is 400 with a message, the mode unchanged; bodies
 * over {@link #MAX_BODY} bytes are 413, answered before they are read.
 *
 * <p>Clients cannot stall it: slow and unfinished requests cost their own connection only, within bounds
 * ({@link HttpEndpoint}). {@link #close()} stops the server and its threads.
 */
public final class ControlServer implements AutoCloseable {

    /** An IPv4 address in 127.0.0.0/8, written out: not a name that merely starts with "127.". */
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** The largest request body read. */
    static final int MAX_BODY = 64 * 1024;

    private final AgentStatus agent;
    private final AdviceRequests advice;
    private final byte[] token;
    private final String boundHost;
    private HttpEndpoint endpoint;

    private ControlServer(AgentStatus agent, String token, String boundHost) {
        this.agent = agent;
        this.advice = new AdviceRequests(agent);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.boundHost = boundHost;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ControlServer start(String host, int port, String token, AgentStatus agent) throws IOException {
        ControlServer control = new ControlServer(agent, token, host);
        control.endpoint =
                HttpEndpoint.start(new InetSocketAddress(InetAddress.getByName(host), port), MAX_BODY, control::handle);
        return control;
    }

    /** The port the server listens on. */
    public int port() {
        return endpoint.address().getPort();
    }

    /** The base URL of the endpoint, such as {@code http://127.0.0.1:9465}. */
    public String url() {
        String host = endpoint.address().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private HttpResponse handle(Request request) {
        Answer answer = answer(request);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        if (answer.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer realm=\"gil4j\"");
        }
        return new HttpResponse(
                answer.status(), headers, Json.write(answer.body()).getBytes(StandardCharsets.UTF_8));
    }

    private Answer answer(Request request) {
        if (!servesHost(request.header("host"))) {
            return Answer.error(403, "Host not served here: this endpoint answers to localhost and " + boundHost);
        }
        if (request.header("origin") != null || isCrossSite(request.header("sec-fetch-site"))) {
            return Answer.error(403, "cross-origin requests are refused");
        }
        return route(request, request.method().equals("GET"));
    }

    private Answer route(Request request, boolean get) {
        switch (request.path()) {
            case "/status":
                return get ? new Answer(200, agent.status()) : notAllowed("GET");
            case "/mode":
                return change(request, this::switchMode, "POST");
            case "/experiment":
                return get ? lastExperiment() : change(request, this::startExperiment, "GET, POST");
            case "/advice":
                return get ? advice.read(Advisor::report) : notAllowed("GET");
            case "/advice/reset":
                return change(request, advice::reset, "POST");
            case "/advice/together":
                return change(request, advice::together, "POST");
            case "/advice/prediction":
                return change(request, advice::prediction, "POST");
            case "/offload":
                return get
                        ? advice.read(a -> Map.of("offload", a.offloaded()))
                        : change(request, advice::offload, "GET, POST");
            case "/interpreters":
                return get
                        ? new Answer(200, agent.interpreters())
                        : change(request, this::limitInterpreters, "GET, POST");
            default:
                return Answer.error(
                        404,
                        "no such resource: GET /status, POST /mode, GET or POST /experiment,"
                                + " GET /advice, POST /advice/reset, /advice/together or /advice/prediction, GET or POST"
                                + " /offload, GET or POST /interpreters");
        }
    }

    /** A {@code POST} that changes something, with the token; any other method is 405, naming {@code allowed}. */
    private Answer change(Request request, Function<String, Answer> change, String allowed) {
        return request.method().equals("POST") ? withToken(request, change) : notAllowed(allowed);
    }

    private Answer lastExperiment() {
        Map<String, Object> experiment = agent.experiment();
        return experiment == null
                ? Answer.error(404, "no experiment has run; POST /experiment starts one")
                : new Answer(200, experiment);
    }

    /** What a change needs first: the token (401 without it); then {@code change} answers with the body. */
    private Answer withToken(Request request, Function<String, Answer> change) {
        if (!authorized(request.header("authorization"))) {
            return Answer.error(401, "a valid Authorization: Bearer <gil4j.control.token> is required");
        }
        return change.apply(request.bodyText());
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
            return Answer.error(
                    400,
                    e.getMessage() + "; send {\"a\":\"gil\",\"b\":\"interpreters\",\"dwellSeconds\":10,"
                            + "\"warmupSeconds\":2,\"rounds\":5}");
        } catch (IllegalStateException e) {
            return Answer.error(409, e.getMessage());
        }
    }

    /** How many of the interpreters' workers take calls: {@code {"limit":N}}. */
    private Answer limitInterpreters(String body) {
        Map<String, Object> request = Json.parseObjectOrEmpty(body);
        Object limit = request.get("limit");
        if (!(limit instanceof Number) || request.size() != 1 || ((Number) limit).doubleValue() % 1 != 0) {
            return Answer.error(400, "send {\"limit\":N}: how many of the interpreters' workers take calls");
        }
        try {
            agent.limitInterpreters(((Number) limit).intValue());
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
        return new Answer(200, agent.interpreters());
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
        return host.equals("localhost")
                || host.equals("::1")
                || LOOPBACK_V4.matcher(host).matches()
                || host.equals(boundHost.toLowerCase(Locale.ROOT));
    }

    private static boolean isCrossSite(String secFetchSite) {
        return secFetchSite != null && !secFetchSite.equals("none") && !secFetchSite.equals("same-origin");
    }

    private static Answer notAllowed(String allowed) {
        return Answer.error(405, "use " + allowed);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
