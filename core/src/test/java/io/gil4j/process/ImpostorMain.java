package io.gil4j.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Test support: a worker main that first connects to the parent with a wrong token and requires the parent
 * to close that connection within 5 s (exit status 3 otherwise, so the pool's start fails), then runs a real
 * worker.
 */
public final class ImpostorMain {

    private ImpostorMain() {}

    public static void main(String[] args) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF("not-the-token");
            out.flush();
            socket.setSoTimeout(5_000);
            if (socket.getInputStream().read() != -1) {
                System.exit(3); // the parent sent something to an unauthenticated connection
            }
        } catch (SocketTimeoutException e) {
            System.exit(3); // the parent kept the connection open
        }
        WorkerMain.main(args);
    }
}
