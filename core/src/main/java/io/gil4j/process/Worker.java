package io.gil4j.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one worker process: its connection, the one call it may have in flight, and its
 * state (see {@link ProcessPool} for the life cycle). A reader thread per worker takes replies off the
 * connection and completes the pending call; when the connection ends it fails that call and tells the
 * {@link Listener}. The state and the pending call are guarded by this object's monitor; the connection is
 * written only by the thread that holds the worker (see {@link #send}).
 */
final class Worker {

    /** Told once, on the reader thread, when a connected worker's connection has ended. */
    interface Listener {
        /**
         * The connection of {@code worker} has ended.
         *
         * @param unexpected {@code true} unless the pool retired or stopped the worker
         */
        void ended(Worker worker, boolean unexpected);
    }

    enum State {
        STARTING,
        IDLE,
        BUSY,
        RETIRING,
        DEAD
    }

    /** How long a dying worker's exit status is waited for, to name it in the failure. */
    private static final long EXIT_STATUS_WAIT_MILLIS = 300;

    private record Pending(long id, CompletableFuture<Frame> reply, String call) {}

    private final Process process;
    private final String name;
    private final Listener listener;
    private final long maxPayload;

    private State state = State.STARTING;
    private Pending pending;
    private String stoppedBy;
    private int completed;
    private SocketChannel socket;
    private DataOutputStream out;
    private long startupNanos;
    private volatile long cpuNanosSeen;

    Worker(Process process, Listener listener, long maxPayload) {
        this.process = process;
        this.name = "worker pid " + process.pid();
        this.listener = listener;
        this.maxPayload = maxPayload;
    }

    /**
     * Takes the worker's authenticated connection, makes it {@link State#IDLE} and starts its reader. Called
     * once, by the launcher.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a callback registered on the exit; nothing waits on it
    void connected(SocketChannel connection, long startupNanos) throws IOException {
        if (connection.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(connection)));
        synchronized (this) {
            this.socket = connection;
            this.out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(connection)));
            this.startupNanos = startupNanos;
            this.state = State.IDLE;
        }
        Thread reader = new Thread(() -> readReplies(in), "gil4j-process-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        // The socket ends with the process; closing it when the process exits also covers a child process
        // that inherited it and keeps it open.
        process.onExit().thenRun(this::closeConnection);
    }

    /**
     * Sends one call and makes the worker {@link State#BUSY}; only the thread that took the worker from the
     * pool may call it, and only once per taking.
     *
     * @return the reply, completed by the reader thread with the reply frame or exceptionally with a {@link
     *     WorkerDiedException}; {@code null} if the worker is not idle (it died), so the call was not sent
     */
    CompletableFuture<Frame> send(long id, byte[] payload, Call call) {
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        DataOutputStream connection;
        synchronized (this) {
            if (state != State.IDLE) {
                return null;
            }
            state = State.BUSY;
            pending = new Pending(id, reply, call.describe());
            connection = out;
        }
        try {
            new Frame(id, Frame.CALL, payload).write(connection);
        } catch (IOException e) {
            closeConnection(); // the reader then fails the pending call
        }
        return reply;
    }

    /**
     * Closes an idle worker's connection, so it exits, and destroys it if it has not exited within {@code
     * grace}. Does nothing to a worker that is not idle.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a callback registered on the exit; nothing waits on it
    void retire(Duration grace) {
        synchronized (this) {
            if (state != State.IDLE) {
                return;
            }
            state = State.RETIRING;
        }
        closeConnection();
        process.onExit().orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS).whenComplete((exited, timedOut) -> {
            if (timedOut != null) {
                process.destroyForcibly();
            }
        });
    }

    /** Destroys the process at once; a call in flight fails with a message naming {@code reason}. */
    void kill(String reason) {
        synchronized (this) {
            if (stoppedBy == null) {
                stoppedBy = reason;
            }
        }
        process.destroyForcibly();
    }

    /** A failure naming this worker, its exit status (waited for briefly) and {@code during}. */
    WorkerDiedException died(String during, Throwable cause) {
        try {
            process.waitFor(EXIT_STATUS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status = process.isAlive() ? "still running" : "exit status " + process.exitValue();
        String by;
        synchronized (this) {
            by = stoppedBy == null ? "" : ", stopped by " + stoppedBy;
        }
        return new WorkerDiedException(process.pid(), name + " died (" + status + by + ") " + during, cause);
    }

    synchronized boolean isDead() {
        return state == State.DEAD;
    }

    /** Calls this worker has answered. */
    synchronized int completed() {
        return completed;
    }

    synchronized long startupNanos() {
        return startupNanos;
    }

    /**
     * The CPU time the worker's process has used, as the operating system reports it now, or the most seen
     * so far if it reports nothing (the process has exited, or the platform does not say). Any thread.
     */
    long cpuNanos() {
        long now = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        long seen = cpuNanosSeen;
        if (now > seen) {
            cpuNanosSeen = now; // racing samplers may lower it by what one saw more: a few ticks at most
            return now;
        }
        return seen;
    }

    Process process() {
        return process;
    }

    /** "worker pid N", for messages. */
    String name() {
        return name;
    }

    private void readReplies(DataInputStream in) {
        IOException broken = null;
        try {
            for (Frame frame = Frame.read(in, maxPayload); frame != null; frame = Frame.read(in, maxPayload)) {
                deliver(frame);
            }
        } catch (IOException e) {
            broken = e;
        }
        connectionLost(broken);
    }

    private void deliver(Frame frame) throws IOException {
        Pending answered;
        synchronized (this) {
            answered = pending;
            if (answered == null || answered.id() != frame.id() || frame.kind() == Frame.CALL) {
                throw new IOException("unexpected frame " + frame.id() + " of kind " + frame.kind());
            }
            pending = null;
            state = State.IDLE;
            completed++;
        }
        answered.reply().complete(frame);
    }

    private void connectionLost(IOException cause) {
        Pending lost;
        boolean unexpected;
        synchronized (this) {
            unexpected = state != State.RETIRING && stoppedBy == null;
            state = State.DEAD;
            lost = pending;
            pending = null;
        }
        closeConnection();
        if (unexpected) {
            process.destroyForcibly(); // a broken connection to a live worker: it cannot be used again
        }
        if (lost != null) {
            lost.reply().completeExceptionally(died("while running " + lost.call(), cause));
        }
        listener.ended(this, unexpected);
    }

    private void closeConnection() {
        SocketChannel connection;
        synchronized (this) {
            connection = socket;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }
}
