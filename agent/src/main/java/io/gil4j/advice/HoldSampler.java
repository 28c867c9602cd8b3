package io.gil4j.advice;

import io.gil4j.gil.InterpreterLock;
import io.gil4j.log.AgentLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Samples where the main lock is held into a {@link HoldProfile}, while a mode with the lock is in force and
 * not otherwise: a tick {@code ratePerSecond} times a second reads whether the lock is held and how many
 * threads wait; during an advise window ({@link #stacksFor}) JFR's execution samples, at the same period,
 * give the stacks of the threads running Java code, and those with a frame of a class the lock's code is in
 * are the holder's (in a lock mode every other
 * thread that runs such code waits for the lock, parked, and JFR samples no parked thread).
 *
 * <p>Why JFR and not {@code Thread.getStackTrace} of the holder: a stack trace can only be taken at a
 * safepoint poll, and compiled code has none inside short counted loops, so a method made of such loops is
 * never seen (a method taking 5 % of the CPU showed 0.7 %). JFR suspends the thread wherever it is. Its
 * events reach the stream about a second late, which a window of seconds does not notice. Off the
 * application's threads: one scheduler thread and JFR's own; nothing runs in {@code native}.
 */
public final class HoldSampler implements AutoCloseable {

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private final InterpreterLock lock;
    private final Predicate<String> locked;
    private final Predicate<String> markable;
    private final HoldProfile profile;
    private final int ratePerSecond;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> ticks; // sampler thread only
    private RecordingStream stacks; // sampler thread only
    private boolean warned; // sampler thread only
    private long stacksUntil; // sampler thread only

    /**
     * A sampler, idle until {@link #lockInForce}.
     *
     * @param locked whether a class, by name, has the lock's code
     * @param markable whether a class, by name, could be marked (its frames are kept)
     */
    public HoldSampler(
            InterpreterLock lock,
            Predicate<String> locked,
            Predicate<String> markable,
            HoldProfile profile,
            int ratePerSecond) {
        this.lock = lock;
        this.locked = locked;
        this.markable = markable;
        this.profile = profile;
        this.ratePerSecond = ratePerSecond;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread sampler = new Thread(task, "gil4j-hold-sampler");
            sampler.setDaemon(true);
            return sampler;
        });
    }

    /** The profile this sampler fills. */
    public HoldProfile profile() {
        return profile;
    }

    /** Samples a second. */
    public int ratePerSecond() {
        return ratePerSecond;
    }

    /** Starts or stops sampling, on the sampler's thread; returns at once. Any thread. */
    public void lockInForce(boolean inForce) {
        thread.execute(() -> turn(inForce));
    }

    private void turn(boolean on) {
        if (on == (ticks != null)) {
            return;
        }
        if (on) {
            ticks = thread.scheduleAtFixedRate(this::tick, 0, periodNanos(), TimeUnit.NANOSECONDS);
        } else {
            ticks.cancel(false);
            ticks = null;
            closeStacks();
        }
    }

    /**
     * Records stacks for the next {@code window}, while a lock mode is in force: JFR runs for an advise window
     * only, not always, because a JFR recording the agent started keeps the agent's class loader alive after
     * a detach (9 MB of Metaspace per attach cycle). Any thread; returns at once.
     */
    public void stacksFor(Duration window) {
        thread.execute(() -> {
            if (ticks != null && stacks == null) {
                openStacks();
            }
            stacksUntil = System.nanoTime() + window.toNanos();
        });
    }

    private void openStacks() {
        try {
            stacks = new RecordingStream();
            stacks.enable(EXECUTION_SAMPLE)
                    .withPeriod(Duration.ofNanos(periodNanos()))
                    .withStackTrace();
            stacks.setMaxAge(Duration.ofSeconds(10));
            stacks.onEvent(EXECUTION_SAMPLE, this::stack);
            RecordingStream running = stacks;
            Thread reader = new Thread(running::start, "gil4j-hold-stacks"); // startAsync's thread is no daemon
            reader.setDaemon(true);
            reader.start();
        } catch (IllegalStateException shuttingDown) {
            stacks = null; // JFR does not start once the JVM exits: nothing left to advise on
        } catch (RuntimeException | LinkageError e) {
            stacks = null;
            if (!warned) {
                warned = true;
                AgentLog.warn("no stacks for advise (JFR, module jdk.jfr, did not start: " + e + "); the rest runs on");
            }
        }
    }

    private void closeStacks() {
        if (stacks != null) {
            stacks.close();
            stacks = null;
        }
    }

    private long periodNanos() {
        return TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
    }

    private void tick() {
        profile.tick(lock.owner() != null, lock.waiters());
        if (stacks != null && System.nanoTime() - stacksUntil > 0) {
            closeStacks();
        }
    }

    private void stack(RecordedEvent sample) {
        try {
            List<RecordedFrame> frames = sample.getStackTrace() == null
                    ? List.of()
                    : sample.getStackTrace().getFrames();
            List<String> kept = new ArrayList<>(frames.size());
            boolean holds = false;
            for (RecordedFrame frame : frames) {
                if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                holds |= locked.test(type);
                if (markable.test(type)) {
                    kept.add(type + "#" + frame.getMethod().getName());
                }
            }
            if (holds && lock.isEnabled()) {
                profile.stack(kept, lock.waiters());
            }
        } catch (RuntimeException e) {
            // one sample less
        }
    }

    @Override
    public void close() {
        thread.execute(() -> turn(false));
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
