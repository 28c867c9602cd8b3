package io.gil4j.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.demo.live.PrometheusTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration shipped for {@code docker compose up}, checked by the tools that will load it:
 * promtool for Prometheus's configuration and rules, docker-compose for the compose file. Where a tool is
 * missing the test is skipped, except under {@code CI=true}, where {@code .ci/run} installs it.
 */
class ShippedConfigTest {

    private static final Path DOCKER_COMPOSE = Paths.get("/usr/bin/docker-compose");
    private static final Pattern BIND_MOUNT = Pattern.compile("^\\s*- \\./([^:]+):", Pattern.MULTILINE);

    @Test
    void promtool_accepts_the_prometheus_configuration_and_its_rules() throws Exception {
        PrometheusTools.require(PrometheusTools.PROMTOOL);
        assertSucceeds(
                PrometheusTools.PROMTOOL.toString(), "check", "config", ShippedFiles.PROMETHEUS_CONFIG.toString());
        assertSucceeds(PrometheusTools.PROMTOOL.toString(), "check", "rules", ShippedFiles.RULES.toString());
    }

    @Test
    void the_alerts_fire_on_contention_a_saturated_queue_and_a_crash_loop_and_not_otherwise() throws Exception {
        PrometheusTools.require(PrometheusTools.PROMTOOL);
        assertSucceeds(PrometheusTools.PROMTOOL.toString(), "test", "rules", ShippedFiles.RULES_TEST.toString());
    }

    @Test
    void docker_compose_accepts_the_stack() throws Exception {
        PrometheusTools.require(DOCKER_COMPOSE);
        assertSucceeds(DOCKER_COMPOSE.toString(), "--file", ShippedFiles.COMPOSE.toString(), "config", "--quiet");
    }

    @Test
    void every_file_the_stack_mounts_is_in_the_repository() throws IOException {
        String compose = Files.readString(ShippedFiles.COMPOSE, StandardCharsets.UTF_8);
        Matcher mount = BIND_MOUNT.matcher(compose);
        int mounts = 0;
        while (mount.find()) {
            Path source = ShippedFiles.COMPOSE.resolveSibling(mount.group(1));
            assertTrue(Files.exists(source), "docker-compose.yml mounts " + source + ", which does not exist");
            mounts++;
        }
        assertEquals(4, mounts, "the collector's configuration, Prometheus's, Grafana's provisioning and dashboards");
    }

    @Test
    void grafana_provisioning_files_are_of_api_version_1_and_point_at_the_mounted_dashboards() throws IOException {
        String datasources = Files.readString(ShippedFiles.PROVISIONING.resolve("datasources/prometheus.yml"));
        String providers = Files.readString(ShippedFiles.PROVISIONING.resolve("dashboards/gil4j.yml"));
        for (String file : List.of(datasources, providers)) {
            assertTrue(file.lines().anyMatch(line -> line.equals("apiVersion: 1")), file);
        }
        assertTrue(datasources.contains("type: prometheus"), datasources);
        String compose = Files.readString(ShippedFiles.COMPOSE, StandardCharsets.UTF_8);
        assertTrue(compose.contains("./dashboards/grafana/dashboards:/var/lib/grafana/dashboards/gil4j"), compose);
        assertTrue(providers.contains("path: /var/lib/grafana/dashboards/gil4j"), providers);
    }

    private static void assertSucceeds(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " said:\n" + output);
    }
}
