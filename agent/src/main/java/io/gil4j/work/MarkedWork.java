package io.gil4j.work;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.MarkedCallRecorder;
import io.gil4j.stats.DurationHistogram;
import io.gil4j.stats.HistogramSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The agent's {@link MarkedCallRecorder}: for each marked method, mode and error type, a histogram of call
 * durations as the callers saw them (its count is the number of calls); the CPU time of the calls that ran
 * in their callers, per mode; and a count of all calls ended, from which throughput follows.
 *
 * <p>A call ends when the method returns or throws; a method returning a {@code CompletionStage} ends when
 * that stage completes. The series are bounded: past {@link #MAX_SERIES} new ones are counted under the
 * function name {@link #OVERFLOW}, as the OpenTelemetry SDK folds series past its cardinality limit.
 *
 * <p>Thread safety: {@link #ended} is called concurrently by every thread that makes marked calls; the
 * readers ({@link #durations}, {@link #inlineCpuNanos}, {@link #completed}) may run at any time and see
 * every call counted before they started.
 */
public final class MarkedWork implements MarkedCallRecorder {

    /** The most series (function, mode, error type) kept apart. */
    public static final int MAX_SERIES = 2_000;
    /** The function name of the series past {@link #MAX_SERIES}. */
    public static final String OVERFLOW = "_OTHER";

    /** One series: the calls of one function in one mode that ended without error or with one type of it. */
    public record Series(String function, Mode mode, String errorType) {}

    private static final ClassValue<Map<String, String>> FUNCTIONS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Supplier<Mode> currentMode;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean threadCpu = threads.isCurrentThreadCpuTimeSupported();
    private final Map<Series, DurationHistogram> durations = new ConcurrentHashMap<>();
    private final Map<Mode, LongAdder> inlineCpu = new EnumMap<>(Mode.class);
    private final Map<String, LongAdder> inlineCpuByFunction = new ConcurrentHashMap<>();
    private final LongAdder completed = new LongAdder();

    /** Records calls that ran in their callers under {@code currentMode}'s answer at their end. */
    public MarkedWork(Supplier<Mode> currentMode) {
        this.currentMode = currentMode;
        for (Mode mode : Mode.values()) {
            inlineCpu.put(mode, new LongAdder());
        }
    }

    @Override
    public long threadCpuNanos() {
        return threadCpu ? threads.getCurrentThreadCpuTime() : 0;
    }

    @Override
    public void ended(
            Class<?> type,
            String method,
            String mode,
            long nanos,
            long cpuNanos,
            Object returned,
            Throwable thrown,
            boolean nested) {
        Mode ranIn = mode == null ? currentMode.get() : Mode.of(mode);
        String function = function(type, method);
        if (cpuNanos > 0) {
            inlineCpu.get(ranIn).add(cpuNanos);
            LongAdder cpu = inlineCpuByFunction.get(function);
            if (cpu == null) {
                String bounded = inlineCpuByFunction.size() < MAX_SERIES ? function : OVERFLOW;
                cpu = inlineCpuByFunction.computeIfAbsent(bounded, f -> new LongAdder());
            }
            cpu.add(cpuNanos);
        }
        if (thrown == null && returned instanceof CompletionStage) {
            long start = System.nanoTime() - nanos;
            ((CompletionStage<?>) returned)
                    .whenComplete((value, failure) ->
                            record(function, ranIn, System.nanoTime() - start, unwrap(failure), nested));
        } else {
            record(function, ranIn, nanos, thrown, nested);
        }
    }

    private void record(String function, Mode mode, long nanos, Throwable thrown, boolean nested) {
        Series series = new Series(
                function, mode, thrown == null ? null : thrown.getClass().getName());
        DurationHistogram histogram = durations.get(series);
        if (histogram == null) {
            if (durations.size() >= MAX_SERIES) {
                series = new Series(OVERFLOW, mode, series.errorType() == null ? null : OVERFLOW);
            }
            histogram = durations.computeIfAbsent(series, s -> new DurationHistogram());
        }
        histogram.record(nanos);
        if (!nested) {
            completed.increment();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** {@code com.acme.Pricing.quote} for {@code quote(I)J} of {@code com.acme.Pricing}: OpenTelemetry's {@code code.function.name}. */
    private static String function(Class<?> type, String method) {
        Map<String, String> names = FUNCTIONS.get(type);
        String name = names.get(method);
        if (name == null) {
            int paren = method.indexOf('(');
            name = type.getName() + "." + (paren < 0 ? method : method.substring(0, paren));
            names.put(method, name);
        }
        return name;
    }

    /** The durations of each series so far. */
    public Map<Series, HistogramSnapshot> durations() {
        Map<Series, HistogramSnapshot> now = new HashMap<>();
        durations.forEach((series, histogram) -> now.put(series, histogram.snapshot()));
        return now;
    }

    /** The CPU time of the calls that ran in their callers under {@code mode}. */
    public long inlineCpuNanos(Mode mode) {
        return inlineCpu.get(mode).sum();
    }

    /**
     * The CPU time of the calls that ran in their callers, by function ({@code com.acme.Pricing.quote}), all
     * modes together; functions past {@link #MAX_SERIES} under {@link #OVERFLOW}.
     */
    public Map<String, Long> inlineCpuNanosByFunction() {
        Map<String, Long> now = new HashMap<>();
        inlineCpuByFunction.forEach((function, cpu) -> now.put(function, cpu.sum()));
        return now;
    }

    /**
     * Calls ended so far, in every mode, not counting those nested in another marked call of their thread
     * (which a pool runs inline on its worker, unmeasured): the work done, counted alike in every mode.
     */
    public long completed() {
        return completed.sum();
    }
}
