package io.gil4j.demo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class LoadTest {

    @Test
    void options_need_an_http_url_and_default_to_20s_and_4_clients() {
        LoadCommand options = parse("--url", "http://127.0.0.1:1/work");
        assertEquals(URI.create("http://127.0.0.1:1/work"), options.url);
        assertEquals(Duration.ofSeconds(20), options.duration);
        assertEquals(4, options.concurrency);
        String missing = assertThrows(ParameterException.class, () -> parse()).getMessage();
        assertEquals("Missing required option: '--url=URL'", missing);
        String bad = assertThrows(ParameterException.class, () -> parse("--url", "ftp://x/"))
                .getMessage();
        assertTrue(bad.startsWith("Invalid value for option '--url': must be an http URL"), bad);
    }

    private static LoadCommand parse(String... args) {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void percentiles_are_nearest_rank_over_the_answered_requests() {
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (i + 1) * 1_000_000L;
        }
        LoadResult result = new LoadResult(100, 3, 2.0, latencies);
        assertEquals(50.0, result.latencyMillis(0.5), 1e-9);
        assertEquals(99.0, result.latencyMillis(0.99), 1e-9);
        assertEquals(100.0, result.latencyMillis(1), 1e-9);
        assertEquals(50.0, result.throughput(), 1e-9);
        assertEquals(
                List.of("100", "3", "2.0", "50.00", "50.0", "90.0", "99.0", "100.0"),
                result.report().rows().get(0));
    }

    @Test
    void a_load_counts_answers_and_failures_and_reports_progress() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        AtomicInteger served = new AtomicInteger();
        server.createContext("/", exchange -> {
            int status = served.incrementAndGet() % 2 == 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        List<String> progress = new ArrayList<>();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            LoadResult result = new Load(url, Duration.ofMillis(1500), 2, progress::add).run();
            assertTrue(result.requests() > 0 && result.errors() > 0, result.toString());
            assertEquals(result.requests(), result.latenciesNanos().length);
            assertTrue(Math.abs(result.requests() - result.errors()) <= 2, "every other answer is a 500: " + result);
            assertTrue(!progress.isEmpty() && progress.get(0).startsWith("load: "), progress.toString());
        } finally {
            server.stop(0);
        }
    }
}
