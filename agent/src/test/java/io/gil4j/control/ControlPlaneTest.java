package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the control plane starts, as the configuration says, and what it refuses. */
class ControlPlaneTest {

    private final ControlFixture fixture = new ControlFixture();
    private final Path file = ControlFile.of(ProcessHandle.current().pid());

    @ParameterizedTest
    @ValueSource(strings = {"", ",control.token=x", ",control.token=fifteen-chars15"})
    void a_non_loopback_address_without_a_token_of_16_characters_is_refused(String token) throws Exception {
        Config config = Config.load("control.host=0.0.0.0,control.port=0" + token, Map.of(), Map.of());
        ControlPlane plane = ControlPlane.start(config.control(), fixture.agent);
        try {
            assertFalse(Files.exists(file), "no endpoint, so no control file");
        } finally {
            plane.close();
        }
    }

    @Test
    void a_non_loopback_address_with_a_16_character_token_starts() throws Exception {
        Config config =
                Config.load("control.host=0.0.0.0,control.port=0,control.token=" + "t".repeat(16), Map.of(), Map.of());
        ControlPlane plane = ControlPlane.start(config.control(), fixture.agent);
        try {
            assertTrue(ControlFile.read(file).isPresent(), "the endpoint started");
        } finally {
            plane.close();
        }
    }

    @Test
    void loopback_starts_the_endpoint_and_writes_the_file_which_close_deletes() throws Exception {
        Config config = Config.load("control.port=0", Map.of(), Map.of());
        ControlPlane plane = ControlPlane.start(config.control(), fixture.agent);
        try {
            Optional<ControlFile> written = ControlFile.read(file);
            assertTrue(written.isPresent() && written.get().url().startsWith("http://127.0.0.1:"), written.toString());
            assertTrue(written.get().token().length() == 64, "a made-up token");
        } finally {
            plane.close();
        }
        assertFalse(Files.exists(file), "deleted at close");
    }

    @Test
    void port_off_starts_no_endpoint() throws Exception {
        Config config = Config.load("control.port=off", Map.of(), Map.of());
        ControlPlane plane = ControlPlane.start(config.control(), fixture.agent);
        try {
            assertFalse(Files.exists(file));
        } finally {
            plane.close();
        }
    }
}
