package io.gil4j.webapp.it;

import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JVM's gil4j control endpoint, found as the agent's CLI finds it: the URL in
 * {@code <java.io.tmpdir>/gil4j-<user>/<pid>.control}. Only reads ({@code GET /status}); switches go
 * through {@link AgentCli}, as an operator's do.
 */
final class ControlEndpoint {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String url;

    private ControlEndpoint(String url) {
        this.url = url;
    }

    /** Waits for the control file of {@code pid} to name the endpoint. */
    static ControlEndpoint of(long pid, Duration timeout) throws IOException, InterruptedException {
        Path file = Paths.get(
                System.getProperty("java.io.tmpdir"), "gil4j-" + System.getProperty("user.name"), pid + ".control");
        return Eventually.awaitValue(
                "the control file " + file,
                timeout,
                () -> read(file).map(ControlEndpoint::new),
                () -> Files.exists(file) ? "it has no url" : "it does not exist");
    }

    private static Optional<String> read(Path file) {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            return Optional.ofNullable(properties.getProperty("url"));
        } catch (IOException | IllegalArgumentException notYet) {
            return Optional.empty();
        }
    }

    /** {@code GET /status}, parsed; fails the test on any answer but 200. */
    JsonNode status() throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url + "/status"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + url + "/status answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The main lock's acquisitions since start-up ({@code lock.acquisitions}). */
    long lockAcquisitions() throws IOException, InterruptedException {
        JsonNode acquisitions = status().at("/lock/acquisitions");
        if (!acquisitions.isNumber()) {
            throw new AssertionError("no number at lock.acquisitions in " + status());
        }
        return acquisitions.asLong();
    }

    @Override
    public String toString() {
        return url;
    }
}
