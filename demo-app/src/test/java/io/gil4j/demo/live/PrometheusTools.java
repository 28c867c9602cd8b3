package io.gil4j.demo.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian {@code prometheus} package's two programs: {@code promtool} to lint an exposition, and a real
 * Prometheus server to scrape a JVM and answer queries. Where they are missing a test is skipped, except
 * under {@code CI=true}, where {@code .ci/run} has installed them and their absence fails it.
 */
public final class PrometheusTools {

    public static final Path PROMTOOL = Paths.get("/usr/bin/promtool");
    public static final Path PROMETHEUS = Paths.get("/usr/bin/prometheus");

    private PrometheusTools() {}

    /** True if both programs are installed. */
    public static boolean available() {
        return Files.isExecutable(PROMTOOL) && Files.isExecutable(PROMETHEUS);
    }

    /** Fails under CI, skips otherwise, if {@code program} is not installed. */
    public static void require(Path program) {
        if (Files.isExecutable(program)) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(program + " is missing: .ci/run installs the Debian package prometheus");
        }
        Assumptions.abort(program + " is not installed (Debian package prometheus); skipped outside CI");
    }

    /** What {@code promtool check metrics} says of {@code exposition}: empty when it finds nothing. */
    public static String lint(String exposition) throws IOException, InterruptedException {
        require(PROMTOOL);
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        promtool.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!promtool.waitFor(30, TimeUnit.SECONDS)) {
            promtool.destroyForcibly();
            return "promtool did not finish";
        }
        return promtool.exitValue() == 0 ? said.trim() : ("exit " + promtool.exitValue() + ": " + said).trim();
    }

    /** A Prometheus server scraping targets every second, with its data in a directory of its own. */
    public static final class Server implements AutoCloseable {

        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        private final Process process;
        private final Path directory;
        private final int port;

        private Server(Process process, Path directory, int port) {
            this.process = process;
            this.directory = directory;
            this.port = port;
        }

        /** Starts a server whose job {@code job} scrapes {@code targets} ({@code host:port}) every second. */
        public static Server start(String job, List<String> targets) throws IOException, InterruptedException {
            return start(job, targets, List.of());
        }

        /**
         * Starts a server whose job {@code job} scrapes {@code targets} ({@code host:port}) every second and
         * evaluates the recording and alerting rules of {@code ruleFiles} every second.
         */
        public static Server start(String job, List<String> targets, List<Path> ruleFiles)
                throws IOException, InterruptedException {
            require(PROMETHEUS);
            Path directory = Files.createTempDirectory("gil4j-prometheus");
            Path config = directory.resolve("prometheus.yml");
            StringBuilder rules = new StringBuilder();
            for (Path file : ruleFiles) {
                rules.append("  - '").append(file.toAbsolutePath()).append("'\n");
            }
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "global:",
                            "  scrape_interval: 1s",
                            "  evaluation_interval: 1s",
                            ruleFiles.isEmpty() ? "" : "rule_files:\n" + rules,
                            "scrape_configs:",
                            "  - job_name: " + job,
                            "    static_configs:",
                            "      - targets: ['" + String.join("', '", targets) + "']",
                            ""));
            int port = DemoService.freePort();
            Process process = new ProcessBuilder(
                            PROMETHEUS.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + directory.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("prometheus.log").toFile())
                    .start();
            Server server = new Server(process, directory, port);
            Scrape.await(Duration.ofSeconds(30), server::ready, "Prometheus ready on port " + port);
            return server;
        }

        private boolean ready() {
            try {
                return get("/-/ready").statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The JSON answer to the instant query {@code promql}. */
        public String query(String promql) throws IOException, InterruptedException {
            HttpResponse<String> answer =
                    get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new AssertionError("query " + promql + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        /**
         * The JSON answer to the range query {@code promql} from {@code start} to {@code end}, a point every
         * {@code step}, as Grafana asks for a panel's data.
         */
        public String queryRange(String promql, Instant start, Instant end, Duration step)
                throws IOException, InterruptedException {
            HttpResponse<String> answer =
                    get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                            + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds());
            if (answer.statusCode() != 200) {
                throw new AssertionError(
                        "range query " + promql + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        /** The JSON list of every metric name the server scraped between {@code start} and {@code end}. */
        public String metricNames(Instant start, Instant end) throws IOException, InterruptedException {
            HttpResponse<String> answer = get(
                    "/api/v1/label/__name__/values?start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond());
            if (answer.statusCode() != 200) {
                throw new AssertionError("metric names answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        /** True if the instant query {@code promql} returns at least one series. */
        public boolean hasData(String promql) throws IOException, InterruptedException {
            return query(promql).contains("\"result\":[{");
        }

        /** Prometheus's own log, for failure messages. */
        public String log() throws IOException {
            return Files.readString(directory.resolve("prometheus.log"), StandardCharsets.UTF_8);
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
