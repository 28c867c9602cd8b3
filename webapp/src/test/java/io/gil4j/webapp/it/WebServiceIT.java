package io.gil4j.webapp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Boot service from its executable jar (Spring Boot's launcher, nested jars, Tomcat, Hibernate on
 * H2, Mustache) with and without the agent: every configuration starts and answers correctly, and a live
 * switch {@code native → gil → native} under load loses no request. The figures (start-up, resident memory,
 * switch time, throughput) are printed one summary line per configuration; only their shape is asserted
 * here, the comparison is {@code benchmarks/webservice.py}'s.
 */
class WebServiceIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for three CLI runs on a loaded two-core machine (each a JVM start, seconds there). */
    private static final Duration LOAD = Duration.ofSeconds(20);

    private static final int OWNERS = 300;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** How the service is started. */
    enum Configuration {
        NO_AGENT(null),
        AGENT_DEFAULT(""),
        AGENT_GIL("mode=gil");

        /** The agent's argument; null: no agent. */
        final String agentArgument;

        Configuration(String agentArgument) {
            this.agentArgument = agentArgument;
        }

        List<String> jvmOptions() {
            return agentArgument == null ? List.of() : agentOptions(agentArgument);
        }
    }

    @ParameterizedTest
    @EnumSource(Configuration.class)
    void the_service_starts_answers_every_endpoint_and_the_agent_reports_no_failure(Configuration configuration)
            throws Exception {
        try (ServiceJvm service = ServiceJvm.start(configuration.name(), configuration.jvmOptions())) {
            Duration startup = service.awaitFirstOk("/owners", START_TIMEOUT);
            long residentKib = service.residentKib();

            JsonNode page = json(service, "/owners?size=5");
            assertEquals(OWNERS, page.at("/total").asLong(), page.toString());
            assertEquals(5, page.at("/owners").size(), page.toString());
            JsonNode first = page.at("/owners/0");
            assertTrue(first.at("/pets").size() >= 1, "every seeded owner has a pet: " + first);

            HttpResponse<String> html = service.get("/owners/" + first.at("/id").asLong());
            assertEquals(200, html.statusCode(), html.body());
            assertTrue(
                    html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    html.headers().toString());
            assertTrue(
                    html.body()
                            .contains("<h1>" + first.at("/firstName").asString() + " "
                                    + first.at("/lastName").asString() + "</h1>"),
                    html.body());
            assertEquals(404, service.get("/owners/999999").statusCode(), "an unknown owner");

            JsonNode work = json(service, "/work?n=60");
            assertEquals(60 * 59 / 2, work.at("/comparisons").asLong(), work.toString());
            assertEquals("ok", service.get("/health").body());

            System.out.printf(
                    Locale.ROOT,
                    "webapp %-13s start-up to first 200 of /owners %6.2f s, RSS after start-up"
                            + " %4d MiB, agent lines %d, JVM warnings %s%n",
                    configuration,
                    startup.toNanos() / 1e9,
                    residentKib / 1024,
                    service.agentLines().size(),
                    service.otherStderr());
            assertEquals(List.of(), service.agentFailures(), "the agent reported failures" + service);
            assertEquals(List.of(), service.logProblems(), "the application logged warnings or errors" + service);
            if (configuration.agentArgument == null) {
                assertEquals(List.of(), service.agentLines(), "no agent, no agent line" + service);
            }
        }
    }

    @Test
    void a_switch_native_gil_native_under_load_loses_no_request_and_gil_takes_the_lock() throws Exception {
        try (ServiceJvm service = ServiceJvm.start("AGENT_SWITCHED", agentOptions(""))) {
            service.awaitFirstOk("/owners", START_TIMEOUT);
            ControlEndpoint control = ControlEndpoint.of(service.pid(), TIMEOUT);
            String pid = Long.toString(service.pid());
            List<String> switches = new ArrayList<>();
            try (LoadJvm load = LoadJvm.start(service.url("/owners"), 4, LOAD)) {
                Eventually.awaitValue(
                        "the load's first answers",
                        TIMEOUT,
                        () -> load.answeredSoFar() > 0 ? Optional.of(true) : Optional.empty(),
                        load::toString);
                long before = control.lockAcquisitions();
                AgentCli status = AgentCli.run(TIMEOUT, "status", pid);
                assertEquals(0, status.exit(), status.toString());
                switches.add(String.format(
                        Locale.ROOT,
                        "status (the CLI's own cost) in %.2f s",
                        status.wall().toNanos() / 1e9));

                switches.add(switchMode(pid, "gil"));
                assertEquals("gil", control.status().at("/mode").asString());
                long underGil = Eventually.awaitValue(
                        "lock.acquisitions growing under gil",
                        TIMEOUT,
                        () -> {
                            long now = control.lockAcquisitions();
                            return now > before ? Optional.of(now) : Optional.empty();
                        },
                        () -> "lock.acquisitions stayed at " + before);
                assertTrue(load.isAlive(), "the lock was taken while the load ran" + load);
                JsonNode instrumentation = control.status().at("/instrumentation");
                assertTrue(
                        instrumentation.at("/selection").asString().startsWith("io.gil4j.webapp.**")
                                && instrumentation.at("/classes").asLong() > 0,
                        "the application's classes got the lock's code: " + instrumentation);

                switches.add(switchMode(pid, "native"));
                assertEquals("native", control.status().at("/mode").asString());

                LoadJvm.Result result = load.awaitResult(LOAD.plus(TIMEOUT));
                System.out.printf(
                        Locale.ROOT,
                        "webapp switch under load: %s; lock acquisitions %d -> %d; load %d"
                                + " requests, %d errors, %.1f req/s, p99 %.1f ms%n",
                        String.join(", ", switches),
                        before,
                        underGil,
                        result.requests(),
                        result.errors(),
                        result.throughput(),
                        result.p99Millis());
                assertEquals(0, result.errors(), "failed requests across the switches" + load + service);
                assertTrue(result.requests() > 0, load.toString());
            }
            assertEquals(List.of(), service.agentFailures(), "the agent reported failures" + service);
        }
    }

    /** Switches through the agent's CLI by PID; "to MODE in S s", the wall time the command took. */
    private static String switchMode(String pid, String mode) throws InterruptedException {
        AgentCli cli = AgentCli.run(TIMEOUT, "mode", pid, mode);
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("\"mode\":\"" + mode + "\""), cli.toString());
        return String.format(Locale.ROOT, "to %s in %.2f s", mode, cli.wall().toNanos() / 1e9);
    }

    private static JsonNode json(ServiceJvm service, String path) throws Exception {
        HttpResponse<String> response = service.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** The agent with {@code argument}, its Prometheus endpoint on a free port (not the fixed 9464). */
    static List<String> agentOptions(String argument) {
        return List.of(
                "-javaagent:" + Jars.existing(Jars.AGENT) + (argument.isEmpty() ? "" : "=" + argument),
                "-Dgil4j.otel.exporter.prometheus.port=0");
    }
}
