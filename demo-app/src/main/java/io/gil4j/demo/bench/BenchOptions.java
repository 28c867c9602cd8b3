package io.gil4j.demo.bench;

import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code bench}, checked: what {@link BenchCommand} reads from the command line.
 *
 * @param workload which workload to run
 * @param size how much work each task does
 * @param tasks how many tasks each round runs
 * @param workers how many threads a pooled row uses
 * @param rounds how many times each row runs; the best time counts
 * @param modes the rows asked for, in order (the sequential row runs first whether asked for or not)
 */
public record BenchOptions(WorkloadKind workload, Size size, int tasks, int workers, int rounds, List<RowMode> modes) {

    /** Copies {@code modes}. */
    public BenchOptions {
        modes = List.copyOf(modes);
    }

    /**
     * The rows to run, in order: sequential first, then each requested mode once, leaving out those that
     * need the agent when it is absent.
     */
    public List<RowMode> plan(boolean agentPresent) {
        List<RowMode> plan = new ArrayList<>();
        plan.add(RowMode.SEQUENTIAL);
        for (RowMode mode : modes) {
            if (mode != RowMode.SEQUENTIAL && (agentPresent || !mode.needsAgent())) {
                plan.add(mode);
            }
        }
        return List.copyOf(plan);
    }
}
