package io.gil4j.demo.workload;

import java.util.Locale;
import java.util.function.Function;

/** The workloads the command line can name, and how each is built for a {@link Size}. */
public enum WorkloadKind {
    /** Heavy math: counting primes by trial division. */
    PRIMES(Primes::ofSize),
    /** Data analysis: summary statistics of a generated data set. */
    STATS(Stats::ofSize),
    /** Cryptography: a chain of SHA-256 digests. */
    HASH(HashChain::ofSize),
    /** I/O-bound: request/response round trips to a loopback server that answers after a latency. */
    IO(RoundTrips::ofSize);

    @SuppressWarnings("ImmutableEnumChecker") // a stateless constructor reference
    private final Function<Size, Workload> factory;

    WorkloadKind(Function<Size, Workload> factory) {
        this.factory = factory;
    }

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the workload; the caller closes it.
     *
     * @throws java.io.UncheckedIOException if the workload needs a server and it cannot start
     */
    public Workload create(Size size) {
        return factory.apply(size);
    }
}
