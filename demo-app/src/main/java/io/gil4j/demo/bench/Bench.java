package io.gil4j.demo.bench;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.ModeControl;
import io.gil4j.demo.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the rows of one bench and checks their results.
 *
 * <p>For each row of {@link BenchOptions#plan}: switch to the row's agent mode, run every task
 * {@code rounds} times with the row's {@link TaskRunner}, keep the best time. The first sequential round's
 * results are the reference: every later round of every row must return equal results task by task. The
 * mode found at the start is restored at the end, whatever happens.
 *
 * <p>Called from one thread; progress lines ({@code [gil] round 2/3 ... 1.31 s}) go to the given consumer.
 */
public final class Bench {

    private static final double NANOS_PER_SECOND = 1e9;

    private final BenchOptions options;
    private final ModeControl modes;
    private final Consumer<String> progress;

    /** A bench for {@code options} that switches modes through {@code modes}. */
    public Bench(BenchOptions options, ModeControl modes, Consumer<String> progress) {
        this.options = options;
        this.modes = modes;
        this.progress = progress;
    }

    /**
     * Runs every row of the plan on {@code workload}.
     *
     * @return one row per planned mode, sequential first
     * @throws ResultMismatchException if a task's result differs from its sequential result
     * @throws TaskFailedException if a task threw
     * @throws InterruptedException if the calling thread was interrupted
     */
    public List<BenchRow> run(Workload workload)
            throws ResultMismatchException, TaskFailedException, InterruptedException {
        boolean agent = modes.agentPresent();
        Mode previous = modes.mode();
        List<BenchRow> rows = new ArrayList<>();
        Reference reference = new Reference();
        try {
            double baseline = 0;
            for (RowMode mode : options.plan(agent)) {
                if (agent) {
                    modes.switchTo(mode.agentMode());
                }
                try (TaskRunner runner = mode.newRunner(options.workers())) {
                    double seconds = bestOf(mode, runner, workload, reference);
                    if (mode == RowMode.SEQUENTIAL) {
                        baseline = seconds;
                    }
                    rows.add(
                            new BenchRow(mode.label(), runner.workers(), options.tasks(), seconds, baseline / seconds));
                }
            }
        } finally {
            if (agent) {
                modes.switchTo(previous);
            }
        }
        return rows;
    }

    private double bestOf(RowMode mode, TaskRunner runner, Workload workload, Reference reference)
            throws ResultMismatchException, TaskFailedException, InterruptedException {
        double best = Double.POSITIVE_INFINITY;
        for (int round = 1; round <= options.rounds(); round++) {
            long start = System.nanoTime();
            List<Object> results = runner.runAll(workload, options.tasks());
            double seconds = Math.max(1, System.nanoTime() - start) / NANOS_PER_SECOND;
            reference.check(mode, round, results);
            best = Math.min(best, seconds);
            progress.accept(String.format(
                    Locale.ROOT, "[%s] round %d/%d ... %.2f s", mode.label(), round, options.rounds(), seconds));
        }
        return best;
    }

    /** The sequential results, set by the first round and compared with every later one. */
    private static final class Reference {
        private List<Object> expected;

        void check(RowMode mode, int round, List<Object> results) throws ResultMismatchException {
            if (expected == null) {
                expected = new ArrayList<>(results);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!Objects.equals(expected.get(i), results.get(i))) {
                    throw new ResultMismatchException(mode.label() + " row, round " + round + ": task " + i
                            + " returned " + results.get(i) + " but sequentially it returned " + expected.get(i));
                }
            }
        }
    }
}
