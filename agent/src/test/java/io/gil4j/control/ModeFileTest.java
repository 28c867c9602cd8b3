package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mode follows the file's content; bad values are logged once and ignored; a missing file changes nothing. */
class ModeFileTest {

    private final ControlFixture fixture = new ControlFixture();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void the_mode_follows_the_files_content(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mode");
        Files.writeString(file, "gil\n");
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            assertEquals("gil", fixture.agent.mode(), "applied at start");
            Files.writeString(file, "  interpreters ");
            modeFile.poll();
            assertEquals("interpreters", fixture.agent.mode());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void a_bad_value_is_logged_once_and_ignored(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mode");
        Files.writeString(file, "sequential");
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            Files.writeString(file, "turbo");
            modeFile.poll();
            modeFile.poll();
            assertEquals("sequential", fixture.agent.mode());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("unknown mode 'turbo'") && warnings.get(0).contains("stays sequential"),
                    warnings.get(0));
        }
    }

    @Test
    void a_switch_by_other_means_stands_until_the_file_changes(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mode");
        Files.writeString(file, "gil");
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            fixture.agent.switchMode("native");
            modeFile.poll();
            assertEquals("native", fixture.agent.mode(), "the file did not change");
            Files.writeString(file, "processes");
            modeFile.poll();
            assertEquals("processes", fixture.agent.mode());
        }
    }

    @Test
    void a_missing_file_changes_nothing(@TempDir Path directory) {
        try (ModeFile modeFile = ModeFile.follow(directory.resolve("absent"), fixture.agent, warnings::add)) {
            modeFile.poll();
            assertEquals("native", fixture.agent.mode());
        }
        assertEquals(List.of(), warnings);
    }
}
