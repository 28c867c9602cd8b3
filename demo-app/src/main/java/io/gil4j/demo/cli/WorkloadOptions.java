package io.gil4j.demo.cli;

import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import picocli.CommandLine.Option;

/** {@code --workload} and {@code --size}: the options of the commands that run a workload's tasks. */
public final class WorkloadOptions {

    @Option(
            names = "--workload",
            paramLabel = "KIND",
            converter = Choices.Workloads.class,
            completionCandidates = Choices.Workloads.class,
            description = "what each task does: ${COMPLETION-CANDIDATES} (default primes)")
    private WorkloadKind workload = WorkloadKind.PRIMES;

    @Option(
            names = "--size",
            paramLabel = "SIZE",
            converter = Choices.Sizes.class,
            completionCandidates = Choices.Sizes.class,
            description = "work per task, ${COMPLETION-CANDIDATES}; small is for smoke tests, default about"
                    + " 0.2 s of CPU (default: default)")
    private Size size = Size.DEFAULT;

    /** The workload kind asked for. */
    public WorkloadKind workload() {
        return workload;
    }

    /** The size asked for. */
    public Size size() {
        return size;
    }
}
