package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gil4j.mode.LockCode;
import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mode follows the file's content; bad values are logged once and ignored; a missing file changes
 * nothing; only the first 64 bytes of a regular file are read; the watcher survives any failure.
 */
class ModeFileTest {

    private final ControlFixture fixture = new ControlFixture();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

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
            assertTrue(
                    warnings.get(0).contains("unknown mode 'turbo'")
                            && warnings.get(0).contains("stays sequential"),
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

    @Test
    void a_device_is_not_read_and_is_logged_once(@TempDir Path directory) throws IOException {
        Path zero = Paths.get("/dev/zero");
        assumeTrue(Files.exists(zero), "a platform with /dev/zero");
        Path file = Files.createSymbolicLink(directory.resolve("mode"), zero);
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            modeFile.poll();
            assertEquals("native", fixture.agent.mode());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("not a regular file"), warnings.get(0));
        }
    }

    @Test
    void a_huge_file_is_read_to_its_first_64_bytes_only_and_logged_once(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mode");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(300L << 20); // sparse: 300 MB of zeros that take no disk
        }
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            modeFile.poll();
            assertEquals("native", fixture.agent.mode());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("over 64 bytes"), warnings.get(0));
        }
    }

    @Test
    void invalid_utf8_is_logged_once_per_distinct_content(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("mode");
        Files.write(file, new byte[] {'g', (byte) 0xff, 'l'});
        try (ModeFile modeFile = ModeFile.follow(file, fixture.agent, warnings::add)) {
            modeFile.poll();
            Files.write(file, new byte[] {(byte) 0xc3, '('});
            modeFile.poll();
            modeFile.poll();
            assertEquals("native", fixture.agent.mode());
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.stream().allMatch(w -> w.contains("not UTF-8")), warnings.toString());
        }
    }

    @Test
    void the_watcher_logs_a_failure_and_polls_on(@TempDir Path directory) throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        LockCode failsOnce = needed -> {
            if (needed && failed.compareAndSet(false, true)) {
                throw new OutOfMemoryError("injected");
            }
        };
        ControlFixture failing = new ControlFixture(failsOnce);
        Path file = directory.resolve("mode");
        Files.writeString(file, "native");
        ModeFile modeFile = ModeFile.follow(file, failing.agent, warnings::add);
        try {
            replace(file, "gil");
            awaitWarning("OutOfMemoryError: injected");
            replace(file, "interpreters");
            Eventually.await(
                    "the watcher applies a later change",
                    Duration.ofSeconds(10),
                    ModeFile.POLL.dividedBy(10),
                    () -> failing.agent.mode().equals("interpreters"),
                    warnings::toString);
        } finally {
            modeFile.close();
        }
        assertEquals(1, warnings.size(), warnings.toString());
    }

    /** Replaces the file's content at once, as a ConfigMap update does. */
    private static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitWarning(String part) {
        Eventually.await(
                "a warning with " + part,
                Duration.ofSeconds(10),
                ModeFile.POLL.dividedBy(10),
                () -> warnings.stream().anyMatch(w -> w.contains(part)),
                warnings::toString);
    }
}
