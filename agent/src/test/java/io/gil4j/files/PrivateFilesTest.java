package io.gil4j.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files only their user can read, in a directory only their user can enter; the leftovers of dead processes swept. */
class PrivateFilesTest {

    @Test
    void a_file_is_rw_for_its_user_alone_in_a_directory_for_its_user_alone(@TempDir Path temp) throws IOException {
        Path file = PrivateFiles.write(temp.resolve("gil4j-user").resolve("1.control"), new byte[] {1});
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void an_existing_directory_of_the_users_loses_the_permissions_of_others(@TempDir Path temp) throws IOException {
        Path directory = Files.createDirectory(
                temp.resolve("gil4j-user"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx")); // past the umask
        PrivateFiles.write(directory.resolve("1.control"), new byte[] {1});
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
    }

    @Test
    void a_directory_that_is_a_link_is_refused(@TempDir Path temp) throws IOException {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temp.resolve("gil4j-user"), elsewhere);
        assertThrows(IOException.class, () -> PrivateFiles.write(link.resolve("1.control"), new byte[] {1}));
        assertFalse(Files.exists(elsewhere.resolve("1.control")));
    }

    @Test
    void sweep_deletes_the_files_of_dead_processes_only(@TempDir Path temp) throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        long dead = exited.pid();
        long alive = ProcessHandle.current().pid();
        Path directory = Files.createDirectory(temp.resolve("gil4j-user"));
        for (String name : new String[] {dead + ".control", dead + ".bootstrap.jar", alive + ".control", "notes.txt"}) {
            Files.writeString(directory.resolve(name), "x");
        }
        assertEquals(2, PrivateFiles.sweep(directory));
        assertFalse(Files.exists(directory.resolve(dead + ".control")));
        assertFalse(Files.exists(directory.resolve(dead + ".bootstrap.jar")));
        assertTrue(Files.exists(directory.resolve(alive + ".control")));
        assertTrue(Files.exists(directory.resolve("notes.txt")));
    }
}
