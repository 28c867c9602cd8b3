package io.gil4j.demo.convoy;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.net.EchoServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs the convoy experiment: for each mode, echo throughput of one I/O thread alone, then beside one
 * CPU-bound {@link CpuHog}. The I/O thread is a fresh thread per measurement; the calling thread only waits.
 * The mode found at the start is restored at the end. Called from one thread.
 */
public final class Convoy {

    private final Duration duration;
    private final ModeControl modes;
    private final Consumer<String> progress;

    /** An experiment whose measurements last {@code duration} each. */
    public Convoy(Duration duration, ModeControl modes, Consumer<String> progress) {
        this.duration = duration;
        this.modes = modes;
        this.progress = progress;
    }

    /**
     * Measures every mode in {@code measured} that can run (all but {@code native} need the agent).
     *
     * @return two rows per mode: 0 then 1 CPU-bound threads
     * @throws IOException if the server cannot start or a round trip fails
     * @throws InterruptedException if the calling thread was interrupted
     */
    public List<ConvoyRow> run(List<Mode> measured) throws IOException, InterruptedException {
        boolean agent = modes.agentPresent();
        Mode previous = modes.mode();
        List<ConvoyRow> rows = new ArrayList<>();
        try (EchoServer server = EchoServer.start(1, 0)) {
            for (Mode mode : measured) {
                if (!agent && mode != Mode.NATIVE) {
                    continue;
                }
                if (agent) {
                    modes.switchTo(mode);
                }
                double alone = measure(server, mode, false);
                double beside = measure(server, mode, true);
                rows.add(new ConvoyRow(mode, 0, alone, 1.0));
                rows.add(new ConvoyRow(mode, 1, beside, alone / beside));
            }
        } finally {
            if (agent) {
                modes.switchTo(previous);
            }
        }
        return rows;
    }

    private double measure(EchoServer server, Mode mode, boolean withCpu) throws IOException, InterruptedException {
        CpuHog hog = withCpu ? CpuHog.start() : null;
        double perSecond;
        try {
            FutureTask<Double> task = new FutureTask<>(new EchoLoop(server.address(), duration));
            new Thread(task, "convoy-io").start();
            Future<Double> io = task; // waited on through Future, the type whose get() the agent substitutes
            perSecond = io.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("echo loop failed", e.getCause());
        } finally {
            if (hog != null) {
                hog.stop();
            }
        }
        progress.accept(String.format(
                Locale.ROOT, "[%s] cpu threads %d ... %.0f requests/s", mode.configName(), withCpu ? 1 : 0, perSecond));
        return Math.max(perSecond, Double.MIN_VALUE);
    }
}
