package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control endpoint over a real socket, requests written byte for byte (so that Host, Origin and
 * malformed requests can be sent as an attacker would): reads are open on loopback, changes need the
 * token, and every refusal leaves the mode as it was.
 */
class ControlServerTest {

    private static final String TOKEN = "s3cret-token";

    private final ControlFixture fixture = new ControlFixture();
    private ControlServer server;

    @BeforeEach
    void start() throws IOException {
        server = ControlServer.start("127.0.0.1", 0, TOKEN, fixture.agent);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void status_answers_the_mode_lock_pools_cores_and_speedup_without_a_token() throws IOException {
        Response status = send("GET", "/status", "", List.of());
        assertEquals(200, status.code(), status.body());
        for (String key : List.of("\"mode\":\"native\"", "\"lock\":{", "\"pools\":{", "\"cores\":[", "\"speedup\":{",
                "\"switches\":{\"forced\":")) {
            assertTrue(status.body().contains(key), key + " in " + status.body());
        }
    }

    @Test
    void mode_switches_with_the_token() throws IOException {
        Response switched = send("POST", "/mode", "{\"mode\":\"gil\"}", List.of("Authorization: Bearer " + TOKEN));
        assertEquals(200, switched.code(), switched.body());
        assertEquals("{\"mode\":\"gil\",\"previous\":\"native\"}".length(), switched.body().length(), switched.body());
        assertEquals("gil", fixture.agent.mode());
    }

    @Test
    void mode_without_or_with_a_wrong_token_is_401_and_leaves_the_mode() throws IOException {
        for (List<String> headers : List.of(List.<String>of(), List.of("Authorization: Bearer wrong"),
                List.of("Authorization: Basic " + TOKEN), List.of("Authorization: Bearer " + TOKEN + "x"))) {
            Response refused = send("POST", "/mode", "{\"mode\":\"gil\"}", headers);
            assertEquals(401, refused.code(), headers + ": " + refused.body());
        }
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void bad_body_or_unknown_mode_is_400_with_a_message_and_leaves_the_mode() throws IOException {
        for (String body : List.of("", "gil", "{\"mode\":\"turbo\"}", "{\"mode\":1}", "{\"mode\":\"gil\",\"x\":1}",
                "[\"gil\"]", "{\"mode\":\"gil\"", "{\"mode\":\"gil\"} trailing")) {
            Response refused = send("POST", "/mode", body, List.of("Authorization: Bearer " + TOKEN));
            assertEquals(400, refused.code(), body + ": " + refused.body());
            assertTrue(refused.body().startsWith("{\"error\":\""), refused.body());
        }
        Response unknown = send("POST", "/mode", "{\"mode\":\"turbo\"}", List.of("Authorization: Bearer " + TOKEN));
        assertTrue(unknown.body().contains("native, gil, sequential, interpreters, processes"), unknown.body());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void cross_origin_and_forged_host_requests_are_refused_even_with_the_token() throws IOException {
        List<List<String>> attacks = List.of(
                List.of("Origin: http://evil.example"),
                List.of("Origin: null"),
                List.of("Sec-Fetch-Site: cross-site"),
                List.of("Host: evil.example"),
                List.of("Host: evil.example:9465"),
                List.of("Host: 127.0.0.1.evil.example"),
                List.of("Host: 127.0.0.256"),
                List.of("Host: localhost.evil.example"),
                List.of("Host: "));
        for (List<String> attack : attacks) {
            List<String> headers = new java.util.ArrayList<>(attack);
            headers.add("Authorization: Bearer " + TOKEN);
            assertEquals(403, send("POST", "/mode", "{\"mode\":\"gil\"}", headers).code(), attack.toString());
            assertEquals(403, send("GET", "/status", "", attack).code(), attack.toString());
        }
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void loopback_hosts_by_name_and_address_are_served() throws IOException {
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3:80", "[::1]", "LOCALHOST:9465")) {
            assertEquals(200, send("GET", "/status", "", List.of("Host: " + host)).code(), host);
        }
    }

    @Test
    void experiments_need_the_token_a_valid_plan_and_metrics() throws IOException {
        assertEquals(404, send("GET", "/experiment", "", List.of()).code(), "none has run");
        String plan = "{\"a\":\"gil\",\"b\":\"interpreters\"}";
        assertEquals(401, send("POST", "/experiment", plan, List.of()).code());
        assertEquals(400, send("POST", "/experiment", "{\"a\":\"gil\",\"b\":\"gil\"}",
                List.of("Authorization: Bearer " + TOKEN)).code());
        Response noMetrics = send("POST", "/experiment", plan, List.of("Authorization: Bearer " + TOKEN));
        assertEquals(409, noMetrics.code(), noMetrics.body());
        assertTrue(noMetrics.body().contains("needs metrics"), noMetrics.body());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void a_body_over_the_limit_is_413() throws IOException {
        String body = "{\"mode\":\"" + "g".repeat(ControlServer.MAX_BODY) + "\"}";
        assertEquals(413, send("POST", "/mode", body, List.of("Authorization: Bearer " + TOKEN)).code());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void wrong_method_and_unknown_path_are_405_and_404() throws IOException {
        assertEquals(405, send("GET", "/mode", "", List.of()).code());
        assertEquals(405, send("DELETE", "/status", "", List.of()).code());
        assertEquals(404, send("GET", "/admin", "", List.of()).code());
    }

    /** Fuzzed requests, all carrying the token: no crash, no 5xx, and the mode moves only on a valid body. */
    @Test
    void fuzzed_requests_never_crash_the_endpoint_and_never_change_the_mode() throws IOException {
        Random random = new Random(42);
        List<String> paths = List.of("/mode", "/status", "/", "/mode/", "/%00", "/mode?mode=gil", "/" + "a".repeat(300));
        List<String> methods = List.of("POST", "GET", "PUT", "OPTIONS", "HEAD", "PATCH");
        String[] fragments = {"{", "}", "\"mode\"", ":", "\"gil\"", ",", "[", "]", "\\u0000", "\\ud800", "null", "1e999",
            "-", "\"", "\\", "true", " ", "{\"mode\":", "\u00e9", "\n"};
        for (int i = 0; i < 1000; i++) {
            StringBuilder body = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                body.append(fragments[random.nextInt(fragments.length)]);
            }
            String method = methods.get(random.nextInt(methods.size()));
            String path = paths.get(random.nextInt(paths.size()));
            Response response = send(method, path, body.toString(), List.of("Authorization: Bearer " + TOKEN,
                    "Content-Type: " + (random.nextBoolean() ? "application/json" : "text/plain")));
            assertTrue(response.code() >= 200 && response.code() < 500 || response.code() == -1,
                    method + " " + path + " " + body + " -> " + response);
            boolean validSwitch = method.equals("POST") && path.equals("/mode") && response.code() == 200;
            if (!validSwitch) {
                assertEquals("native", fixture.agent.mode(), method + " " + path + " " + body);
            }
            fixture.agent.switchMode("native");
        }
        assertEquals(200, send("GET", "/status", "", List.of()).code(), "still serving after the fuzz");
    }

    private record Response(int code, String body) {}

    private Response send(String method, String path, String body, List<String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (headers.stream().noneMatch(h -> h.startsWith("Host:"))) {
            request.append("Host: 127.0.0.1:").append(server.port()).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (answer.isEmpty()) {
                return new Response(-1, ""); // the server closed a request it could not parse
            }
            int code = Integer.parseInt(answer.substring(9, 12));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new Response(code, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        }
    }
}
