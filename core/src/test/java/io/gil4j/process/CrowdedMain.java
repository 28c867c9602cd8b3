package io.gil4j.process;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: a worker main that first opens {@link #IDLE} connections to the parent's address that never
 * send anything, as strangers reading the address off the command line would, keeps them open, and then
 * runs a real worker.
 */
public final class CrowdedMain {

    static final int IDLE = 50;

    private CrowdedMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<SocketChannel> idle = new ArrayList<>();
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < IDLE; i++) {
            Thread opener = new Thread(() -> {
                try {
                    SocketChannel channel = Rendezvous.connect(args[0]);
                    synchronized (idle) {
                        idle.add(channel);
                    }
                } catch (IOException e) {
                    // refused: the parent's backlog was full, which costs the worker nothing either
                }
            });
            opener.setDaemon(true);
            opener.start();
            openers.add(opener);
        }
        long deadline = System.nanoTime() + 100_000_000L; // connects in flight, as strangers' would be
        for (Thread opener : openers) {
            opener.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        WorkerMain.main(args);
    }
}
