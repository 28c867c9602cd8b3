package io.gil4j.advice;

import java.util.Locale;

/**
 * What rerouting a method to {@code interpreters} would do to the throughput of a service held back by the
 * main lock, and whether to do it.
 *
 * <p><b>The model.</b> Under a saturated lock the service does one unit of lock-held work per unit of time.
 * Rerouting code that takes the share {@code f} of that work leaves {@code 1 - f} under the main lock (the
 * serial part, Amdahl's bound {@code 1 / (1 - f)}); the rerouted part runs on {@code N} workers, each call
 * growing by the hand-over cost {@code d} over its mean duration {@code t} (the workers' bound
 * {@code N / (f (1 + d/t))}); and all of it shares the cores that other processes leave
 * ({@code C / (1 + f d/t)}). The predicted
 * speedup is the least of the three: the throughput of a closed load with more clients than workers settles
 * at its bottleneck. A call shorter than four hand-overs ({@value #TOO_SHORT} of a call) is flagged, not
 * recommended: {@code d} is measured on an idle one-worker pool, and under load a rerouted call also waits to
 * take the main lock back, which costs several times {@code d} (a 9.4 us call with a 4.2 us hand-over ran at
 * 0.49x of {@code gil} rerouted, AdviseIT in CI, 2026-12-04; {@code d/t} was 0.45). So is code that
 * never returned while measured (a thread's body, a loop that runs throughout), which is not a call to
 * reroute.
 */
public record Prediction(double speedup, boolean recommended, String verdict) {

    /** The hand-over over the call's duration ({@code d/t}) from which a call is too short to reroute. */
    static final double TOO_SHORT = 0.25;

    /** A predicted gain below this is not worth a reroute. */
    static final double WORTHWHILE = 1.05;

    /**
     * The prediction for a method (or methods) holding the lock {@code share} of the time.
     *
     * @param share the share of the lock's hold time spent in the method (or methods together), 0 to 1
     * @param workers the interpreters' workers
     * @param cores the cores the service may use, less those other processes keep busy
     * @param dispatchNanos the hand-over cost per call, or 0 if unknown
     * @param calls the calls that ended while measured
     * @param meanCallNanos their mean duration (ignored without calls)
     */
    public static Prediction of(
            double share, int workers, double cores, long dispatchNanos, long calls, double meanCallNanos) {
        double overhead = calls > 0 && meanCallNanos > 0 ? Math.max(0, dispatchNanos) / meanCallNanos : 0;
        double serial = share >= 1 ? Double.POSITIVE_INFINITY : 1 / (1 - share);
        double byWorkers = share <= 0 ? Double.POSITIVE_INFINITY : workers / (share * (1 + overhead));
        double byCores = cores / (1 + share * overhead);
        double speedup = Math.min(serial, Math.min(byWorkers, byCores));
        if (calls == 0) {
            return new Prediction(
                    speedup,
                    false,
                    "no call ended while measured: it runs throughout (a thread's body,"
                            + " a loop), not a call to reroute");
        }
        if (overhead > TOO_SHORT) {
            return new Prediction(
                    speedup,
                    false,
                    String.format(
                            Locale.ROOT,
                            "too short: a %.1f us call is under four"
                                    + " hand-overs of %.1f us (and a rerouted call waits to take the lock back)",
                            meanCallNanos / 1e3,
                            dispatchNanos / 1e3));
        }
        if (speedup < WORTHWHILE) {
            return new Prediction(speedup, false, "too small a share of the lock to pay for a reroute");
        }
        String bound = speedup == serial
                ? "the main lock's remaining work"
                : speedup == byWorkers ? "the workers" : "the cores";
        return new Prediction(speedup, true, "reroute: bounded by " + bound);
    }
}
