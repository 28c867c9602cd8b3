package io.gil4j.work;

import io.gil4j.api.Mode;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The throughput of marked work in each mode, measured in this process, and the speedup of the current
 * mode over a baseline mode: CPython's "how much faster do my threads run under this executor", read live.
 *
 * <h2>Design</h2>
 *
 * <p>Someone calls {@link #tick} about once a second with the number of marked calls ended so far
 * ({@link MarkedWork#completed()}), the current mode and the number of mode switches so far. A tick whose
 * interval saw no switch, and that comes more than {@link #WARM_UP_TICKS} ticks after the mode was entered
 * (so that calls still running from the previous mode, queues draining and the JIT settle), adds one
 * sample, calls per second, to the mode's window of the last {@link #WINDOW} samples. Entering a mode
 * empties its window, so each mode's throughput is that of its latest stay. A mode's throughput is its
 * window's mean, known once it holds {@link #MIN_SAMPLES}; the speedup is the current mode's throughput
 * over the baseline's.
 *
 * <p>Meaning: calls per second measure speed only while the load saturates the marked work (callers
 * always waiting to make another call); under a lighter load every mode completes what is offered and the
 * speedup reads about 1 — the effective parallelism ({@code gil4j.work.cpu.time}) then tells the modes
 * apart.
 *
 * <p>Thread safety: every method is synchronized; {@link #tick} is meant for one ticker thread.
 */
public final class SpeedupTracker {

    /** Samples kept per mode: the last ten seconds of a stay. */
    static final int WINDOW = 10;
    /** Ticks after entering a mode whose samples are dropped. */
    static final int WARM_UP_TICKS = 2;
    /** Samples a mode needs before its throughput is known. */
    static final int MIN_SAMPLES = 3;

    private final Mode baseline;
    private final Map<Mode, ArrayDeque<Double>> windows = new EnumMap<>(Mode.class);
    private Mode current;
    private long transitions = -1;
    private int ticksInMode;
    private long lastNanos;
    private long lastCompleted;

    public SpeedupTracker(Mode baseline) {
        this.baseline = baseline;
        for (Mode mode : Mode.values()) {
            windows.put(mode, new ArrayDeque<>(WINDOW));
        }
    }

    /** The mode the speedup is measured against. */
    public Mode baseline() {
        return baseline;
    }

    /**
     * One tick.
     *
     * @param nowNanos the clock now ({@link System#nanoTime()})
     * @param completed marked calls ended so far
     * @param mode the mode now
     * @param transitionsSoFar mode switches so far: a change since the last tick means the interval saw one
     */
    public synchronized void tick(long nowNanos, long completed, Mode mode, long transitionsSoFar) {
        if (mode != current || transitionsSoFar != transitions) {
            if (mode != current) {
                windows.get(mode).clear();
            }
            current = mode;
            transitions = transitionsSoFar;
            ticksInMode = 0;
        } else if (++ticksInMode > WARM_UP_TICKS && nowNanos > lastNanos) {
            ArrayDeque<Double> window = windows.get(mode);
            if (window.size() == WINDOW) {
                window.removeFirst();
            }
            window.addLast((completed - lastCompleted) * (double) TimeUnit.SECONDS.toNanos(1) / (nowNanos - lastNanos));
        }
        lastNanos = nowNanos;
        lastCompleted = completed;
    }

    /** Marked calls per second in {@code mode} during its latest stay, or NaN while not known. */
    public synchronized double throughput(Mode mode) {
        ArrayDeque<Double> window = windows.get(mode);
        if (window.size() < MIN_SAMPLES) {
            return Double.NaN;
        }
        double sum = 0;
        for (double sample : window) {
            sum += sample;
        }
        return sum / window.size();
    }

    /**
     * The throughput of the current mode over the baseline's, or NaN while either is not known or the
     * baseline completed nothing.
     */
    public synchronized double speedup() {
        if (current == null) {
            return Double.NaN;
        }
        double base = throughput(baseline);
        return base > 0 ? throughput(current) / base : Double.NaN;
    }
}
