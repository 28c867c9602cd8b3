package io.gil4j.instrument;

import io.gil4j.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Retransforms loaded classes: in batches of {@value #BATCH}, each one stop-the-world operation of the
 * JVM, with a pause between them so that a service under load keeps most of its throughput; and then again
 * over the classes loaded meanwhile, until a pass finds none, so that a class whose definition raced the
 * change of decision is not missed. A batch that fails is retried class by class, so one bad class costs
 * only itself. A run of more than a second logs its progress once a second.
 *
 * <p>Not thread-safe: its caller serialises runs.
 */
final class Retransformer {

    static final int BATCH = 100;
    static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * What one run did.
     *
     * @param classes classes retransformed
     * @param failed classes the JVM refused to retransform
     * @param nanos how long the run took
     */
    record Outcome(int classes, int failed, long nanos) {

        @Override
        public String toString() {
            return classes + " classes in " + String.format("%.2f s", nanos / 1e9)
                    + (failed == 0 ? "" : ", " + failed + " failed");
        }
    }

    private final Instrumentation instrumentation;
    private final Loaders loaders;

    Retransformer(Instrumentation instrumentation, Loaders loaders) {
        this.instrumentation = instrumentation;
        this.loaders = loaders;
    }

    /** Retransforms every modifiable, loaded class outside the ignored loaders that {@code wanted} accepts. */
    Outcome retransform(String what, Predicate<Class<?>> wanted) {
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_NANOS;
        Set<Class<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int done = 0;
        int failed = 0;
        for (List<Class<?>> pass = pass(seen, wanted); !pass.isEmpty(); pass = pass(seen, wanted)) {
            for (int from = 0; from < pass.size(); from += BATCH) {
                failed += batch(pass.subList(from, Math.min(pass.size(), from + BATCH)));
                done += Math.min(BATCH, pass.size() - from);
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    AgentLog.info(what + ": " + done + "/" + seen.size() + " classes...");
                    nextProgress = now + PROGRESS_NANOS;
                }
                pause();
            }
        }
        return new Outcome(done - failed, failed, System.nanoTime() - started);
    }

    private List<Class<?>> pass(Set<Class<?>> seen, Predicate<Class<?>> wanted) {
        List<Class<?>> pass = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!seen.contains(type) && isCandidate(type) && wanted.test(type)) {
                seen.add(type);
                pass.add(type);
            }
        }
        return pass;
    }

    private boolean isCandidate(Class<?> type) {
        return !type.isArray() && !type.isPrimitive() && !type.isHidden()
                && !loaders.ignores(type.getClassLoader()) && !TypeSelection.isIgnoredName(type.getName())
                && instrumentation.isModifiableClass(type);
    }

    /** Retransforms {@code batch}; returns how many of its classes failed. */
    private int batch(List<Class<?>> batch) {
        try {
            instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
            return 0;
        } catch (Throwable batchFailed) {
            int failed = 0;
            for (Class<?> type : batch) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable classFailed) {
                    failed++;
                }
            }
            return failed;
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(PAUSE_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run goes on without pauses; the caller sees the flag
        }
    }
}
