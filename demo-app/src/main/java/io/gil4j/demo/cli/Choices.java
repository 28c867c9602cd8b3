package io.gil4j.demo.cli;

import io.gil4j.demo.report.OutputFormat;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;

/** The {@link Choice}s that more than one command offers. */
public final class Choices {

    private Choices() {}

    /** {@code primes}, {@code stats}, {@code hash}, {@code io}. */
    public static final class Workloads extends Choice<WorkloadKind> {
        /** The choice among every workload kind. */
        public Workloads() {
            super(WorkloadKind::label, WorkloadKind.values());
        }
    }

    /** {@code small}, {@code default}. */
    public static final class Sizes extends Choice<Size> {
        /** The choice among every size. */
        public Sizes() {
            super(Size::label, Size.values());
        }
    }

    /** {@code table}, {@code csv}. */
    public static final class Formats extends Choice<OutputFormat> {
        /** The choice among every output format. */
        public Formats() {
            super(OutputFormat::label, OutputFormat.values());
        }
    }
}
