package io.gil4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDK's blocking choke points cost in {@code native}, where the agent must cost nothing: a
 * {@code LockSupport.park}/{@code unpark} round trip between the benchmark thread and a partner thread
 * ({@code parkRoundTrip}), and a one-byte write and echoed read over a loopback socket ({@code socketRoundTrip}),
 * in forks without the agent ({@link NoAgent}) and with it in {@code native} ({@link AgentNative}). Nothing
 * here is selected for instrumentation: what is measured is what the agent adds to the JDK's own blocking.
 * Goal: {@code AgentNative} within 2 % of {@code NoAgent} on both.
 *
 * <p>The round trips wait for the scheduler, whose noise on a shared machine is larger than 2 %. Their
 * one-thread twins run the same JDK paths without a wait: {@code parkWithPermit} unparks itself and parks
 * (the permit is there, so {@code park} returns at once), and {@code socketWriteThenRead} writes a byte into
 * one end of a loopback connection and reads it from the other end on the same thread.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -DskipTests package && java -jar benchmarks/target/gil4j-benchmarks.jar ChokePointBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class ChokePointBenchmark {

    private final AgentAttachment attachment;
    private volatile boolean partnersTurn;
    private volatile boolean running;
    private Thread benchmarkThread;
    private Thread parkPartner;
    private Thread echoPartner;
    private ServerSocket server;
    private Socket client;
    private InputStream in;
    private OutputStream out;
    private Socket localClient;
    private Socket localServer;
    private InputStream localIn;
    private OutputStream localOut;

    ChokePointBenchmark(AgentAttachment attachment) {
        this.attachment = attachment;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        attachment.verify();
        running = true;
        benchmarkThread = Thread.currentThread();
        parkPartner = daemon("park-partner", this::answerParks);
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        echoPartner = daemon("echo-partner", this::echo);
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        client.setTcpNoDelay(true);
        in = client.getInputStream();
        out = client.getOutputStream();
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            localClient = new Socket(InetAddress.getLoopbackAddress(), local.getLocalPort());
            localServer = local.accept();
        }
        localClient.setTcpNoDelay(true);
        localOut = localClient.getOutputStream();
        localIn = localServer.getInputStream();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        running = false;
        LockSupport.unpark(parkPartner);
        client.close();
        server.close();
        localClient.close();
        localServer.close();
        parkPartner.join();
        echoPartner.join();
    }

    @Benchmark
    public void parkRoundTrip() {
        partnersTurn = true;
        LockSupport.unpark(parkPartner);
        while (partnersTurn) {
            LockSupport.park(this);
        }
    }

    @Benchmark
    public int socketRoundTrip() throws IOException {
        out.write(1);
        return in.read();
    }

    @Benchmark
    public void parkWithPermit() {
        LockSupport.unpark(benchmarkThread);
        LockSupport.park(this);
    }

    @Benchmark
    public int socketWriteThenRead() throws IOException {
        localOut.write(1);
        return localIn.read();
    }

    private void answerParks() {
        while (running) {
            if (partnersTurn) {
                partnersTurn = false;
                LockSupport.unpark(benchmarkThread);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void echo() {
        try (Socket accepted = server.accept()) {
            accepted.setTcpNoDelay(true);
            InputStream from = accepted.getInputStream();
            OutputStream to = accepted.getOutputStream();
            for (int b = from.read(); b >= 0; b = from.read()) {
                to.write(b);
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The baseline: a plain JVM. */
    @Fork(2)
    public static class NoAgent extends ChokePointBenchmark {
        public NoAgent() {
            super(AgentAttachment.NONE);
        }
    }

    /** The agent in native mode, nothing selected but the benchmarks' workload package. */
    @Fork(value = 2, jvmArgsAppend = AgentAttachment.NATIVE_AGENT + CheckpointBenchmark.INSTRUMENTED)
    public static class AgentNative extends ChokePointBenchmark {
        public AgentNative() {
            super(AgentAttachment.NATIVE);
        }
    }
}
