package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control endpoint over a real socket, requests written byte for byte (so that Host, Origin and
 * malformed requests can be sent as an attacker would): reads are open on loopback, changes need the
 * token, every refusal leaves the mode as it was, and slow, unfinished or oversized requests cost their
 * own connection only.
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
    void status_answers_the_mode_lock_pools_cores_speedup_and_failures_without_a_token() throws IOException {
        fixture.runtimeFailures.set(3);
        Response status = send("GET", "/status", "", List.of());
        assertEquals(200, status.code(), status.body());
        for (String key : List.of(
                "\"mode\":\"native\"",
                "\"lock\":{",
                "\"pools\":{",
                "\"cores\":[",
                "\"speedup\":{",
                "\"switches\":{\"forced\":",
                "\"failures\":{\"runtime\":3,\"transformation\":0}")) {
            assertTrue(status.body().contains(key), key + " in " + status.body());
        }
    }

    @Test
    void mode_switches_with_the_token() throws IOException {
        Response switched = send("POST", "/mode", "{\"mode\":\"gil\"}", List.of("Authorization: Bearer " + TOKEN));
        assertEquals(200, switched.code(), switched.body());
        assertEquals(
                "{\"mode\":\"gil\",\"previous\":\"native\"}".length(),
                switched.body().length(),
                switched.body());
        assertEquals("gil", fixture.agent.mode());
    }

    @Test
    void mode_without_or_with_a_wrong_token_is_401_and_leaves_the_mode() throws IOException {
        for (List<String> headers : List.of(
                List.<String>of(),
                List.of("Authorization: Bearer wrong"),
                List.of("Authorization: Basic " + TOKEN),
                List.of("Authorization: Bearer " + TOKEN + "x"))) {
            Response refused = send("POST", "/mode", "{\"mode\":\"gil\"}", headers);
            assertEquals(401, refused.code(), headers + ": " + refused.body());
        }
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void bad_body_or_unknown_mode_is_400_with_a_message_and_leaves_the_mode() throws IOException {
        for (String body : List.of(
                "",
                "gil",
                "{\"mode\":\"turbo\"}",
                "{\"mode\":1}",
                "{\"mode\":\"gil\",\"x\":1}",
                "[\"gil\"]",
                "{\"mode\":\"gil\"",
                "{\"mode\":\"gil\"} trailing")) {
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
            assertEquals(
                    403, send("POST", "/mode", "{\"mode\":\"gil\"}", headers).code(), attack.toString());
            assertEquals(403, send("GET", "/status", "", attack).code(), attack.toString());
        }
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void loopback_hosts_by_name_and_address_are_served() throws IOException {
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3:80", "[::1]", "LOCALHOST:9465")) {
            assertEquals(
                    200, send("GET", "/status", "", List.of("Host: " + host)).code(), host);
        }
    }

    @Test
    void experiments_need_the_token_a_valid_plan_and_metrics() throws IOException {
        assertEquals(404, send("GET", "/experiment", "", List.of()).code(), "none has run");
        String plan = "{\"a\":\"gil\",\"b\":\"interpreters\"}";
        assertEquals(401, send("POST", "/experiment", plan, List.of()).code());
        assertEquals(
                400,
                send("POST", "/experiment", "{\"a\":\"gil\",\"b\":\"gil\"}", List.of("Authorization: Bearer " + TOKEN))
                        .code());
        Response noMetrics = send("POST", "/experiment", plan, List.of("Authorization: Bearer " + TOKEN));
        assertEquals(409, noMetrics.code(), noMetrics.body());
        assertTrue(noMetrics.body().contains("needs metrics"), noMetrics.body());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void advice_needs_the_sampler_and_its_changes_need_the_token() throws IOException {
        Response advice = send("GET", "/advice", "", List.of());
        assertEquals(409, advice.code(), advice.body());
        assertTrue(advice.body().contains("gil4j.hold.sample-rate=0"), advice.body());
        for (String path : List.of("/advice/reset", "/advice/together", "/advice/prediction", "/offload")) {
            assertEquals(401, send("POST", path, "{}", List.of()).code(), path);
        }
    }

    @Test
    void offload_marks_method_patterns_live_and_refuses_annotations_naming_what_it_accepts() throws IOException {
        List<String> token = List.of("Authorization: Bearer " + TOKEN);
        Response marked =
                send("POST", "/offload", "{\"offload\":\"com.acme.Pricing#quote, com.acme.**#price*\"}", token);
        assertEquals(200, marked.code(), marked.body());
        assertEquals(
                "[com.acme.Pricing#quote, com.acme.**#price*]",
                fixture.marks.get().toString());
        assertTrue(send("GET", "/offload", "", List.of()).body().contains("\"com.acme.**#price*\""));

        Response annotation = send("POST", "/offload", "{\"offload\":\"@com.acme.CpuBound\"}", token);
        assertEquals(400, annotation.code(), annotation.body());
        assertTrue(annotation.body().contains("accepted: comma-separated method patterns"), annotation.body());
        assertEquals(2, fixture.marks.get().size(), "a refused request leaves the marks");
        assertEquals(400, send("POST", "/offload", "[]", token).code());
    }

    @Test
    void interpreters_limit_takes_one_to_the_workers_with_the_token() throws IOException {
        int workers = io.gil4j.config.Config.defaults().pools().workers();
        List<String> token = List.of("Authorization: Bearer " + TOKEN);
        assertEquals(
                Map.of("limit", (double) workers, "workers", (double) workers),
                Json.parseObject(send("GET", "/interpreters", "", List.of()).body()));

        Response limited = send("POST", "/interpreters", "{\"limit\":1}", token);
        Response zero = send("POST", "/interpreters", "{\"limit\":0}", token);
        Response above = send("POST", "/interpreters", "{\"limit\":" + (workers + 1) + "}", token);

        assertEquals(200, limited.code(), limited.body());
        assertEquals(400, zero.code(), zero.body());
        assertTrue(above.body().contains("a worker limit from 1 to gil4j.workers (" + workers + ")"), above.body());
        assertEquals(
                401, send("POST", "/interpreters", "{\"limit\":1}", List.of()).code());
        assertEquals(1, fixture.agent.interpreters().get("limit"));
    }

    @Test
    void a_prediction_is_kept_for_the_dashboards() throws IOException {
        Response kept = send(
                "POST",
                "/advice/prediction",
                "{\"offload\":\"com.acme.Pricing#quote\",\"speedup\":1.8}",
                List.of("Authorization: Bearer " + TOKEN));
        assertEquals(200, kept.code(), kept.body());
        assertEquals(
                new io.gil4j.advice.Advisor.Predicted("com.acme.Pricing#quote", 1.8),
                fixture.agent.advisor().lastPrediction());
    }

    @Test
    void a_body_over_the_limit_is_413() throws IOException {
        String body = "{\"mode\":\"" + "g".repeat(ControlServer.MAX_BODY) + "\"}";
        assertEquals(
                413,
                send("POST", "/mode", body, List.of("Authorization: Bearer " + TOKEN))
                        .code());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void wrong_method_and_unknown_path_are_405_and_404() throws IOException {
        assertEquals(405, send("GET", "/mode", "", List.of()).code());
        assertEquals(405, send("DELETE", "/status", "", List.of()).code());
        assertEquals(404, send("GET", "/admin", "", List.of()).code());
    }

    /**
     * 10 000 fuzzed requests, all carrying the token, while slow and unfinished requests (without the token)
     * arrive alongside: no crash, no 5xx, the mode moves only on a valid switch, and {@code GET /status}
     * keeps answering, its 99th percentile under 50 ms.
     */
    @Test
    void fuzzed_requests_amid_slow_ones_never_crash_the_endpoint_nor_change_the_mode_nor_slow_status()
            throws Exception {
        Random random = new Random(42);
        List<String> paths =
                List.of("/mode", "/status", "/", "/mode/", "/%00", "/mode?mode=gil", "/" + "a".repeat(300));
        List<String> methods = List.of("POST", "GET", "PUT", "OPTIONS", "HEAD", "PATCH");
        String[] fragments = {
            "{",
            "}",
            "\"mode\"",
            ":",
            "\"gil\"",
            ",",
            "[",
            "]",
            "\\u0000",
            "\\ud800",
            "null",
            "1e999",
            "-",
            "\"",
            "\\",
            "true",
            " ",
            "{\"mode\":",
            "\u00e9",
            "\n"
        };
        List<Long> statusNanos = new ArrayList<>();
        try (SlowClients slow = new SlowClients(4)) {
            for (int i = 0; i < 10_000; i++) {
                StringBuilder body = new StringBuilder();
                int parts = random.nextInt(12);
                for (int p = 0; p < parts; p++) {
                    body.append(fragments[random.nextInt(fragments.length)]);
                }
                String method = methods.get(random.nextInt(methods.size()));
                String path = paths.get(random.nextInt(paths.size()));
                Response response = send(
                        method,
                        path,
                        body.toString(),
                        List.of(
                                "Authorization: Bearer " + TOKEN,
                                "Content-Type: " + (random.nextBoolean() ? "application/json" : "text/plain")));
                assertTrue(
                        response.code() >= 200 && response.code() < 500 || response.code() == -1,
                        method + " " + path + " " + body + " -> " + response);
                boolean validSwitch = method.equals("POST") && path.equals("/mode") && response.code() == 200;
                if (!validSwitch) {
                    assertEquals("native", fixture.agent.mode(), method + " " + path + " " + body);
                }
                fixture.agent.switchMode("native");
                if (i % 10 == 0) {
                    long start = System.nanoTime();
                    assertEquals(200, send("GET", "/status", "", List.of()).code());
                    statusNanos.add(System.nanoTime() - start);
                }
            }
            slow.assertNoneFailed();
            assertTrue(slow.requests() > 0, "slow requests were sent");
        }
        Collections.sort(statusNanos);
        long p99 = statusNanos.get(statusNanos.size() * 99 / 100);
        assertTrue(p99 < TimeUnit.MILLISECONDS.toNanos(50), "GET /status p99 " + p99 / 1_000_000 + " ms");
        assertEquals(200, send("GET", "/status", "", List.of()).code(), "still serving after the fuzz");
    }

    @Test
    void fifty_slow_loris_connections_leave_status_answering_within_100_ms_and_are_answered_408() throws IOException {
        assertEquals(200, send("GET", "/status", "", List.of()).code(), "warm");
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                socket.getOutputStream().write("GET /status HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertEquals(200, send("GET", "/status", "", List.of()).code());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 100, "GET /status took " + millis + " ms beside 50 slow clients");
            }
            for (Socket socket : slow) { // a slow client costs itself: its request times out
                socket.setSoTimeout(15_000);
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void connections_beyond_the_limit_close_the_oldest_and_status_still_answers() throws IOException {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < HttpEndpoint.MAX_CONNECTIONS + 20; i++) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            assertEquals(200, send("GET", "/status", "", List.of()).code());
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void a_10_mb_body_is_413_before_it_is_read_plain_or_chunked() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (boolean chunked : new boolean[] {false, true}) {
            String head = "POST /mode HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + 160 * chunk.length + "\r\n")
                    + "\r\n";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                    try {
                        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        for (int i = 0; i < 160; i++) {
                            out.write(
                                    chunked
                                            ? (Integer.toHexString(chunk.length) + "\r\n")
                                                    .getBytes(StandardCharsets.ISO_8859_1)
                                            : new byte[0]);
                            out.write(chunk);
                            out.write(chunked ? "\r\n".getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
                        }
                        out.write(chunked ? "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 413 "), (chunked ? "chunked: " : "plain: ") + answer);
                sent.get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void a_chunked_body_and_expect_continue_are_understood() throws IOException {
        String body = "{\"mode\":\"gil\"}";
        String request = "POST /mode HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
            out.write((Integer.toHexString(body.length()) + ";ext=1\r\n" + body + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        }
        assertEquals("gil", fixture.agent.mode());
    }

    /**
     * Clients that send requests without the token a few bytes at a time, some never finishing them, on
     * threads of their own until closed; what they receive must never be a 5xx nor change the mode.
     */
    private final class SlowClients implements AutoCloseable {

        private final ExecutorService threads;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong requests = new AtomicLong();
        private final List<Future<?>> clients = new ArrayList<>();

        SlowClients(int count) {
            threads = Executors.newFixedThreadPool(count);
            for (int i = 0; i < count; i++) {
                long seed = i;
                clients.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    while (running.get()) {
                        slowRequest(random);
                        requests.incrementAndGet();
                    }
                    return null;
                }));
            }
        }

        private void slowRequest(Random random) throws IOException, InterruptedException {
            String body = "{\"mode\":\"gil\"}";
            byte[] request = ((random.nextBoolean() ? "GET /status" : "POST /mode") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer wrong\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1);
            int stopAt = random.nextInt(3) == 0 ? random.nextInt(request.length) : request.length; // partial
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                for (int sent = 0; sent < stopAt && running.get(); ) {
                    int piece = Math.min(stopAt - sent, 1 + random.nextInt(8));
                    out.write(request, sent, piece);
                    out.flush();
                    sent += piece;
                    Thread.sleep(random.nextInt(20)); // the behaviour under test: a slow client, a few bytes at a time
                }
                if (stopAt < request.length) {
                    return; // abandoned half-way
                }
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.isEmpty() && answer.charAt(9) == '5') {
                    throw new AssertionError("a slow request was answered " + answer);
                }
            }
        }

        long requests() {
            return requests.get();
        }

        void assertNoneFailed() throws Exception {
            running.set(false);
            for (Future<?> client : clients) {
                client.get(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() {
            running.set(false);
            threads.shutdownNow();
        }
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
