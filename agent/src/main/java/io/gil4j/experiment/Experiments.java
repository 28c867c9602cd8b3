package io.gil4j.experiment;

import io.gil4j.api.Mode;
import io.gil4j.mode.ModeController;
import io.gil4j.stats.HistogramSnapshot;
import io.gil4j.work.MarkedWork;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The A/B experiments of one agent: at most one {@link Experiment} runs at a time, on a daemon thread of its
 * own, switching the {@link ModeController} between its two modes and measuring the marked calls that
 * {@link MarkedWork} records. The outcome of the latest completed experiment is kept while a newer one runs.
 * Thread-safe: every method may be called from any thread.
 */
public final class Experiments {

    private static final Experiment.Clock SYSTEM_CLOCK = new Experiment.Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    private final ModeController modes;
    private final Experiment.MarkedCalls calls;
    private Experiment experiment; // guarded by this
    private Thread thread; // guarded by this
    private ExperimentOutcome lastOutcome; // guarded by this: kept while a newer experiment runs

    /**
     * @param modes the mode controller the experiments switch
     * @param work the recorder of marked calls, or null when metrics are off (then no experiment can run)
     * @param engagements how often the machinery of a mode acted so far (see {@link Experiment.MarkedCalls#engagements})
     */
    public Experiments(ModeController modes, MarkedWork work, ToLongFunction<Mode> engagements) {
        this.modes = modes;
        this.calls = work == null ? null : markedCalls(work, engagements);
    }

    /**
     * Starts an A/B experiment as {@code body} describes ({@link Experiment.Plan#of}) on a daemon thread.
     *
     * @return the experiment's JSON as it starts
     * @throws IllegalArgumentException if the body describes no valid plan
     * @throws IllegalStateException if one is running, or metrics are off (nothing measures marked calls)
     */
    public synchronized Map<String, Object> start(Map<String, Object> body) {
        Experiment.Plan plan = Experiment.Plan.of(body);
        if (calls == null) {
            throw new IllegalStateException("an experiment measures marked calls, which needs metrics: they are off"
                    + " (OTEL_METRICS_EXPORTER=none or OTEL_SDK_DISABLED=true)");
        }
        if (experiment != null && experiment.running()) {
            throw new IllegalStateException("an experiment is running; GET /experiment shows it");
        }
        if (experiment != null && experiment.outcome() != null) {
            lastOutcome = experiment.outcome();
        }
        experiment = new Experiment(plan, modes, calls, SYSTEM_CLOCK);
        thread = new Thread(experiment, "gil4j-experiment");
        thread.setDaemon(true);
        thread.start();
        return experiment.json();
    }

    /** The running or last experiment's JSON, or null if none ran. */
    public synchronized Map<String, Object> current() {
        return experiment == null ? null : experiment.json();
    }

    /** The outcome of the latest experiment that completed, or null. */
    public synchronized ExperimentOutcome lastOutcome() {
        ExperimentOutcome latest = experiment == null ? null : experiment.outcome();
        return latest != null ? latest : lastOutcome;
    }

    /**
     * Cancels a running experiment and waits up to a second for it to restore the mode it found, so that a
     * detach that then switches to native is not undone by the experiment's last switch.
     */
    public synchronized void cancel() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Experiment.MarkedCalls markedCalls(MarkedWork work, ToLongFunction<Mode> engagements) {
        return new Experiment.MarkedCalls() {
            @Override
            public long engagements(Mode mode) {
                return engagements.applyAsLong(mode);
            }

            @Override
            public long completed() {
                return work.completed();
            }

            @Override
            public HistogramSnapshot durations(Mode mode) {
                HistogramSnapshot sum = HistogramSnapshot.EMPTY;
                for (Map.Entry<MarkedWork.Series, HistogramSnapshot> series :
                        work.durations().entrySet()) {
                    if (series.getKey().mode() == mode) {
                        sum = sum.plus(series.getValue());
                    }
                }
                return sum;
            }
        };
    }
}
