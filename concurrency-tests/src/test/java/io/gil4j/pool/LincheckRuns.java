package io.gil4j.pool;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * How long the Lincheck tests run: short in {@code verify} (about seconds per test), long under the
 * {@code stress-full} profile, which sets {@code gil4j.lincheck.iterations} and
 * {@code gil4j.lincheck.invocations} through surefire (see the module's pom). Two threads of three
 * operations each, plus one before and one after: what two cores run, and small enough for model checking
 * to explore many interleavings of each scenario.
 */
final class LincheckRuns {

    private LincheckRuns() {}

    static final int THREADS = 2;
    static final int ACTORS_PER_THREAD = 3;

    /** Scenarios per test. */
    static int iterations() {
        return Integer.getInteger("gil4j.lincheck.iterations", 10);
    }

    /** Runs (stress) or interleavings (model checking) of each scenario. */
    static int invocations() {
        return Integer.getInteger("gil4j.lincheck.invocations", 200);
    }

    /** Checks {@code test} against its sequential model {@code spec} under model checking. */
    static void checkUnderModelChecking(Class<?> test, Class<?> spec) {
        sized(new ModelCheckingOptions()).sequentialSpecification(spec).check(test);
    }

    /** Checks {@code test} against its sequential model {@code spec} under stress, on real threads. */
    static void checkUnderStress(Class<?> test, Class<?> spec) {
        sized(new StressOptions()).sequentialSpecification(spec).check(test);
    }

    /** The scenarios' count, length and shape, the same for both strategies. */
    private static <O extends Options<O, ?>> O sized(O options) {
        return options.iterations(iterations())
                .invocationsPerIteration(invocations())
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .actorsBefore(1)
                .actorsAfter(1);
    }
}
