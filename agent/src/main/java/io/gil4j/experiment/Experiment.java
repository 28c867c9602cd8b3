package io.gil4j.experiment;

import io.gil4j.api.Mode;
import io.gil4j.mode.ModeController;
import io.gil4j.stats.HistogramSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An A/B experiment: alternates modes A and B for a number of rounds (A B, A B, …), each stay a warm-up and
 * then a measured dwell; measures the throughput and mean latency of marked calls in each measured dwell,
 * and reports the speedup of B over A as a {@link SpeedupInterval} over the rounds. Afterwards the mode the
 * service had before is restored.
 *
 * <p>Run once, on a thread of its own ({@link #run()}); {@link #json()} may be read from any thread at any
 * time and shows progress while it runs. Interrupting the thread cancels the experiment.
 */
final class Experiment implements Runnable {

    /** Waits; the real one sleeps, tests advance a clock. */
    interface Clock {
        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    /** What is measured: marked calls ended so far, and the durations of those ended in a mode so far. */
    interface MarkedCalls {
        long completed();

        HistogramSnapshot durations(Mode mode);

        /**
         * How often the machinery of {@code mode} acted so far: calls run by the pools for a mode that
         * reroutes marked calls, else the main lock's acquisitions for a mode with the lock; -1 for a mode
         * with neither ({@code native}), which has nothing to engage.
         */
        long engagements(Mode mode);
    }

    /**
     * @param a the baseline mode
     * @param b the mode compared against it
     * @param dwellSeconds measured seconds per stay
     * @param warmupSeconds unmeasured seconds at the start of each stay
     * @param rounds A-B pairs, at least 2
     */
    record Plan(Mode a, Mode b, double dwellSeconds, double warmupSeconds, int rounds) {

        /**
         * A plan from a request body: {@code {"a":"gil","b":"interpreters","dwellSeconds":10,
         * "warmupSeconds":2,"rounds":5}}; dwell 10 s, warm-up 2 s and 5 rounds by default.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        static Plan of(Map<String, Object> body) {
            for (String key : body.keySet()) {
                if (!List.of("a", "b", "dwellSeconds", "warmupSeconds", "rounds")
                        .contains(key)) {
                    throw new IllegalArgumentException(
                            "unknown field '" + key + "': accepted are a, b, dwellSeconds," + " warmupSeconds, rounds");
                }
            }
            Mode a = mode(body, "a");
            Mode b = mode(body, "b");
            if (a == b) {
                throw new IllegalArgumentException("a and b are the same mode, " + a.configName());
            }
            double dwell = number(body, "dwellSeconds", 10, 0.5, 3600);
            double warmup = number(body, "warmupSeconds", 2, 0, 600);
            double rounds = number(body, "rounds", 5, 2, 100);
            if (rounds != Math.rint(rounds)) {
                throw new IllegalArgumentException("rounds must be a whole number from 2 to 100");
            }
            return new Plan(a, b, dwell, warmup, (int) rounds);
        }

        private static Mode mode(Map<String, Object> body, String key) {
            Object value = body.get(key);
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("'" + key + "' must name a mode: " + Mode.accepted());
            }
            return Mode.of((String) value);
        }

        private static double number(
                Map<String, Object> body, String key, double defaultValue, double min, double max) {
            Object value = body.getOrDefault(key, defaultValue);
            if (!(value instanceof Double) || (Double) value < min || (Double) value > max) {
                throw new IllegalArgumentException("'" + key + "' must be a number from " + min + " to " + max);
            }
            return (Double) value;
        }
    }

    private final Plan plan;
    private final ModeController modes;
    private final MarkedCalls calls;
    private final Clock clock;
    private final List<Map<String, Object>> stays = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private final Map<Mode, Long> engaged = new EnumMap<>(Mode.class); // only the experiment's thread
    private volatile String state = "running";
    private volatile String error;
    private volatile SpeedupInterval result;

    Experiment(Plan plan, ModeController modes, MarkedCalls calls, Clock clock) {
        this.plan = plan;
        this.modes = modes;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void run() {
        Mode before = modes.current();
        try {
            for (int round = 1; round <= plan.rounds(); round++) {
                double a = stay(round, plan.a());
                double b = stay(round, plan.b());
                synchronized (this) {
                    ratios.add(b / a);
                }
            }
            SpeedupInterval interval = SpeedupInterval.of(ratios());
            checkEngaged(plan.a());
            checkEngaged(plan.b());
            result = interval;
            state = "done";
        } catch (InterruptedException e) {
            state = "cancelled";
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error = e.getMessage();
            state = "failed";
        } finally {
            modes.switchTo(before);
        }
    }

    /** One stay in {@code mode}: its throughput, calls a second. */
    private double stay(int round, Mode mode) throws InterruptedException {
        modes.switchTo(mode);
        clock.sleep((long) (plan.warmupSeconds() * 1e9));
        long completed = calls.completed();
        HistogramSnapshot durations = calls.durations(mode);
        long engagements = calls.engagements(mode);
        long start = clock.nanoTime();
        clock.sleep((long) (plan.dwellSeconds() * 1e9));
        double seconds = (clock.nanoTime() - start) / 1e9;
        long ended = calls.completed() - completed;
        if (engagements >= 0) {
            engaged.merge(mode, calls.engagements(mode) - engagements, Long::sum);
        }
        HistogramSnapshot measured = calls.durations(mode).minus(durations);
        double throughput = ended / seconds;
        Map<String, Object> stay = new LinkedHashMap<>();
        stay.put("round", round);
        stay.put("mode", mode.configName());
        stay.put("seconds", round3(seconds));
        stay.put("calls", ended);
        stay.put("throughput", round3(throughput));
        stay.put(
                "meanLatencySeconds",
                measured.count() == 0 ? null : round6(measured.sumNanos() / 1e9 / measured.count()));
        synchronized (this) {
            stays.add(stay);
        }
        return throughput;
    }

    /**
     * Refuses a result whose arm never engaged its mode: a {@code gil} arm whose lock nobody took measured the
     * service without the lock, and a pool arm whose pools ran no call measured it without the pool.
     */
    private void checkEngaged(Mode mode) {
        Long count = engaged.get(mode);
        if (count == null || count > 0) {
            return;
        }
        throw new IllegalStateException(
                mode.reroutesMarkedCalls()
                        ? "no marked call ran in a pool during the " + mode.configName()
                                + " stays: no result, since they"
                                + " measured the service without the pool (is anything marked by offload= or @Offload, and"
                                + " were the marked methods called?)"
                        : "the lock was never taken during the " + mode.configName() + " stays: no result, since they"
                                + " measured the service without the lock (does the selection, include=, name the code the"
                                + " load runs?)");
    }

    private synchronized List<Double> ratios() {
        return List.copyOf(ratios);
    }

    /** Where it stands: the plan, the state, each stay so far, and the speedup once done. */
    synchronized Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", plan.a().configName());
        json.put("b", plan.b().configName());
        json.put("dwellSeconds", plan.dwellSeconds());
        json.put("warmupSeconds", plan.warmupSeconds());
        json.put("rounds", plan.rounds());
        json.put("state", state);
        json.put("error", error);
        json.put("stays", List.copyOf(stays));
        json.put("ratios", List.copyOf(ratios));
        SpeedupInterval interval = result;
        if (interval != null) {
            json.put("speedup", round3(interval.estimate()));
            json.put("confidence", 0.95);
            json.put("low", round3(interval.low()));
            json.put("high", round3(interval.high()));
        }
        return json;
    }

    /** The outcome, once the experiment is done; null before, and if it failed or was cancelled. */
    ExperimentOutcome outcome() {
        SpeedupInterval interval = result;
        return interval == null
                ? null
                : new ExperimentOutcome(
                        plan.a().configName(),
                        plan.b().configName(),
                        interval.estimate(),
                        interval.low(),
                        interval.high());
    }

    /** True while it runs. */
    boolean running() {
        return state.equals("running");
    }

    private static double round3(double value) {
        return Math.round(value * 1e3) / 1e3;
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
