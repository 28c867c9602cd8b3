package io.gil4j.demo.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    @Test
    void server_binds_loopback_and_echoes_each_message() throws IOException {
        try (EchoServer server = EchoServer.start(3, 0);
                EchoClient client = EchoClient.connect(server.address())) {
            assertEquals(InetAddress.getLoopbackAddress(), server.address().getAddress());
            byte[] reply = new byte[3];
            for (byte b = 0; b < 10; b++) {
                client.exchange(new byte[] {b, 1, 2}, reply);
                assertArrayEquals(new byte[] {b, 1, 2}, reply);
            }
        }
    }

    @Test
    void server_serves_several_connections_at_once() throws IOException {
        try (EchoServer server = EchoServer.start(1, 1);
                EchoClient a = EchoClient.connect(server.address());
                EchoClient b = EchoClient.connect(server.address())) {
            byte[] reply = new byte[1];
            a.exchange(new byte[] {1}, reply);
            assertEquals(1, reply[0]);
            b.exchange(new byte[] {2}, reply);
            assertEquals(2, reply[0]);
        }
    }

    @Test
    void closing_the_server_closes_its_open_connections() throws IOException {
        EchoServer server = EchoServer.start(1, 0);
        try (EchoClient client = EchoClient.connect(server.address())) {
            byte[] reply = new byte[1];
            client.exchange(new byte[] {1}, reply);
            server.close();
            IOException failure = assertThrows(IOException.class, () -> client.exchange(new byte[] {2}, reply));
            assertTrue(failure.getMessage() != null);
        }
    }

    @Test
    void server_rejects_empty_messages_and_negative_latency() {
        assertThrows(IllegalArgumentException.class, () -> EchoServer.start(0, 0));
        assertThrows(IllegalArgumentException.class, () -> EchoServer.start(1, -1));
    }
}
