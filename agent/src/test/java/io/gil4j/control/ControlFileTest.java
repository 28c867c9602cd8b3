package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {

    @Test
    void written_file_is_read_back_and_readable_by_the_user_alone(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("gil4j-user").resolve("123.control");
        ControlFile written = new ControlFile("http://127.0.0.1:9465", ControlFile.newToken());
        written.write(file);
        assertEquals(Optional.of(written), ControlFile.read(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void tokens_are_64_hex_digits_and_differ() {
        String token = ControlFile.newToken();
        assertEquals(64, token.length());
        assertEquals(true, token.matches("[0-9a-f]+"));
        assertNotEquals(token, ControlFile.newToken());
    }

    @Test
    void a_missing_or_incomplete_file_reads_as_empty(@TempDir Path directory) throws IOException {
        assertEquals(Optional.empty(), ControlFile.read(directory.resolve("absent")));
        Path partial = directory.resolve("partial");
        Files.writeString(partial, "url=http://127.0.0.1:1\n");
        assertEquals(Optional.empty(), ControlFile.read(partial));
    }
}
