package io.gil4j.demo.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.AgentOutput;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo service with the agent, steered from outside as an operator would: the agent's CLI by PID
 * (endpoint and token found in the JVM's control file), raw HTTP without and with the token, the mode
 * file, and attaching to a JVM started without the agent; every switch shows in {@code status}, every
 * refusal leaves the mode.
 */
class ControlIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A bound on one CLI run; the longest, the experiment (three rounds of two 4 s stays), takes about 40 s. */
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void cli_by_pid_switches_the_mode_and_the_endpoint_refuses_a_request_without_the_token() throws Exception {
        try (DemoService service = DemoService.start(
                List.of(DemoService.gil4j("control.port=0")), Map.of(), "serve", "--port", "0", "--size", "small")) {
            service.servingUrl(TIMEOUT);
            String pid = Long.toString(service.pid());
            Scrape.await(TIMEOUT, () -> cli("status", pid).exit() == 0, "the control endpoint up: " + service);

            Cli status = cli("status", pid);
            assertTrue(status.out().contains("\"mode\":\"native\""), status.toString());
            assertTrue(status.out().contains("\"cores\":[{\"cpu\":"), status.toString());

            Cli switched = cli("mode", pid, "gil");
            assertEquals(0, switched.exit(), switched.toString());
            assertTrue(cli("status", pid).out().contains("\"mode\":\"gil\""));

            String url = controlUrl(service.pid());
            HttpResponse<String> unauthorised = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url + "/mode"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"native\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unauthorised.statusCode(), unauthorised.body());
            assertTrue(cli("status", pid).out().contains("\"mode\":\"gil\""), "the refused request left the mode");

            Cli unknown = cli("mode", pid, "turbo");
            assertEquals(1, unknown.exit(), unknown.toString());
            assertTrue(unknown.err().contains("accepted values are native, gil"), unknown.toString());
            assertEquals(List.of(), service.agentLines());
        }
    }

    @Test
    void an_ab_experiment_under_load_reports_interpreters_faster_than_gil_and_restores_the_mode() throws Exception {
        int metricsPort = DemoService.freePort();
        try (DemoService service = DemoService.start(
                List.of(
                        DemoService.gil4j("control.port=0,workers=2,mode=gil"),
                        "-Dgil4j.otel.exporter.prometheus.port=" + metricsPort),
                Map.of(),
                "serve",
                "--port",
                "0")) {
            // the default size (0.2 s of CPU a request): with small requests, HTTP and the load's own JVM take
            // the two cores, and the ratio no longer depends on the mode (1.0 with this session's agent and the
            // one before it alike). Started in gil: a switch from native puts the lock's code in, which discards
            // the compiled work loop, and the first stay then measured the interpreter, not the mode.
            String url = service.servingUrl(TIMEOUT);
            String pid = Long.toString(service.pid());
            Scrape.await(TIMEOUT, () -> cli("status", pid).exit() == 0, "the control endpoint up: " + service);
            try (DemoService load = DemoService.start(
                    List.of(), Map.of(), "load", "--url", url + "/work", "--concurrency", "4", "--duration", "45s")) {
                Cli experiment =
                        cli("experiment", pid, "gil", "interpreters", "--dwell", "4", "--warmup", "2", "--rounds", "3");
                assertEquals(0, experiment.exit(), experiment.toString());
                assertTrue(experiment.out().contains("\"state\":\"done\""), experiment.toString());
                double speedup = Double.parseDouble(experiment.out().replaceAll("(?s).*\"speedup\":([0-9.]+).*", "$1"));
                assertTrue(speedup > 1.2, "interpreters over gil on two cores under saturating load: " + experiment);
                assertTrue(experiment.err().contains("stays measured"), "progress on standard error: " + experiment);
                assertTrue(cli("status", pid).out().contains("\"mode\":\"gil\""), "the mode from before is back");
                Scrape metrics = Scrape.until(
                        "http://127.0.0.1:" + metricsPort + "/metrics",
                        TIMEOUT,
                        s -> !s.samples("gil4j_experiment_speedup").isEmpty(),
                        "the experiment's outcome as a metric");
                assertTrue(metrics.samples("gil4j_experiment_speedup").stream()
                        .anyMatch(m -> m.has("gil4j_experiment_bound", "low")
                                && m.has("gil4j_experiment_a", "gil")
                                && m.has("gil4j_experiment_b", "interpreters")));
                assertEquals(
                        "", PrometheusTools.lint(metrics.text()), "promtool on the exposition with the experiment");
                assertEquals(0, load.waitFor(TIMEOUT), load.toString());
            }
        }
    }

    @Test
    void the_mode_follows_the_mode_file_and_ignores_a_bad_value(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("mode");
        Files.writeString(file, "sequential");
        try (DemoService service = DemoService.start(
                List.of(DemoService.gil4j("control.port=0,mode.file=" + file)),
                Map.of(),
                "serve",
                "--port",
                "0",
                "--size",
                "small")) {
            service.servingUrl(TIMEOUT);
            String pid = Long.toString(service.pid());
            Scrape.await(
                    TIMEOUT, () -> cli("status", pid).out().contains("\"mode\":\"sequential\""), "mode from the file");
            Files.writeString(file, "interpreters\n");
            Scrape.await(
                    TIMEOUT,
                    () -> cli("status", pid).out().contains("\"mode\":\"interpreters\""),
                    "the file's new mode");
            Files.writeString(file, "turbo");
            Scrape.await(
                    TIMEOUT,
                    () -> service.agentLines().stream().anyMatch(l -> l.contains("unknown mode 'turbo'")),
                    "the bad value logged: " + service);
            assertTrue(cli("status", pid).out().contains("\"mode\":\"interpreters\""), "the bad value was ignored");
        }
    }

    @Test
    void attach_then_gil_instruments_the_loaded_classes_a_second_attach_is_refused_and_detach_stops_everything()
            throws Exception {
        try (DemoService service = DemoService.start(List.of(), Map.of(), "serve", "--port", "0", "--size", "small")) {
            String url = service.servingUrl(TIMEOUT);
            String pid = Long.toString(service.pid());
            Cli listed = cli("list");
            assertTrue(
                    listed.out().lines().anyMatch(l -> l.startsWith(pid + " ") && l.contains(" - ")),
                    listed.toString());

            Cli attached = cli("attach", pid, "control.port=0", "log=info");
            assertEquals(0, attached.exit(), attached.toString());
            assertTrue(attached.out().contains("control endpoint http://127.0.0.1:"), attached.toString());
            assertTrue(cli("list").out().lines().anyMatch(l -> l.startsWith(pid + " ") && l.contains("gil4j http://")));
            assertTrue(
                    service.agentLines().stream().noneMatch(l -> l.contains("instrumented io.gil4j.demo.serve.")),
                    "native carries no lock code: " + service);

            assertEquals(0, cli("mode", pid, "gil").exit());
            Scrape.await(
                    TIMEOUT,
                    () -> service.agentLines().stream()
                            .anyMatch(l -> l.equals("[gil4j] instrumented io.gil4j.demo.serve.WorkServer")),
                    "the serving class, loaded before the attach, retransformed at the switch to gil: " + service);
            Cli second = cli("attach", pid, "control.port=0");
            assertEquals(1, second.exit(), "a second attach is refused, and the CLI says so: " + second);
            assertTrue(second.err().contains("already installed"), "the target's reason on the CLI: " + second);
            assertTrue(cli("status", pid).out().contains("\"mode\":\"gil\""), "the first agent still steers");
            HttpResponse<String> work = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url + "/work")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, work.statusCode(), "the service answers under gil after the attach");

            Cli detached = cli("detach", pid);
            assertEquals(0, detached.exit(), detached.toString());
            assertEquals(1, cli("status", pid).exit(), "no control endpoint after the detach");
            Scrape.await(
                    TIMEOUT,
                    () -> agentThreads(service).isEmpty(),
                    "every agent thread stopped: " + agentThreads(service));
            assertEquals(
                    200,
                    CLIENT.send(
                                    HttpRequest.newBuilder(URI.create(url + "/work"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "the service answers after the detach");

            assertEquals(0, cli("attach", pid, "control.port=0").exit(), "attach again after the detach");
            Scrape.await(
                    TIMEOUT,
                    () -> cli("status", pid).out().contains("\"mode\":\"native\""),
                    "a fresh agent, in its default mode: " + service);
        }
    }

    /** The threads of {@code service} that the agent or its telemetry started, from {@code jcmd Thread.print}. */
    private static List<String> agentThreads(DemoService service) {
        try {
            return AgentOutput.agentThreads(service.jcmd("Thread.print").stdout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(e.toString());
        }
    }

    private static String controlUrl(long pid) throws IOException {
        Path file = Paths.get(
                System.getProperty("java.io.tmpdir"), "gil4j-" + System.getProperty("user.name"), pid + ".control");
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("url="))
                .findFirst()
                .orElseThrow()
                .substring("url=".length())
                .replace("\\:", ":");
    }

    private record Cli(int exit, String out, String err) {}

    /**
     * Runs {@code java -jar gil4j-agent.jar args...}, for at most {@link #CLI_TIMEOUT}: a run still going then has
     * its threads dumped and is killed, and the test fails ({@link ForkedProcess#awaitExit}); exit -1 if this
     * thread was interrupted.
     */
    private static Cli cli(String... args) {
        List<String> command = new ArrayList<>(List.of(
                ForkedProcess.currentJava(),
                "-jar",
                DemoService.AGENT_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            ForkedProcess.Result run = ForkedProcess.run(command, Map.of(), CLI_TIMEOUT);
            return new Cli(run.exitCode(), run.stdout(), run.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cli(-1, "", e.toString());
        }
    }
}
