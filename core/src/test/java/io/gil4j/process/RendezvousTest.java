package io.gil4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Where a worker meets its parent: a Unix-domain socket in a directory only this user may enter, gone after. */
class RendezvousTest {

    @Test
    void the_worker_is_awaited_on_a_unix_socket_in_a_directory_of_the_users_alone_deleted_at_close()
            throws IOException {
        Path socket;
        try (Rendezvous rendezvous = Rendezvous.open()) {
            String address = rendezvous.address();
            assertTrue(address.startsWith("unix:"), address);
            socket = Path.of(address.substring("unix:".length()));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        }
        assertFalse(Files.exists(socket.getParent()), "deleted at close");
    }
}
