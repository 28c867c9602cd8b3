package io.gil4j.instrument;

import io.gil4j.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Why a loaded class was left alone, in the order they are asked. */
    enum Skip {
        /** An array, a primitive or a hidden class: nothing to retransform. */
        SHAPE("arrays, primitives or hidden"),
        /** Defined by the JDK's loaders, the agent's or another agent's. */
        LOADER("JDK or agents' loaders"),
        /** Named by the agent's never-instrumented list, or a class the JVM cannot modify. */
        UNMODIFIABLE("never instrumented or unmodifiable"),
        /** Not wanted by this run: not selected, or selected but needing no code in the mode in force. */
        UNWANTED("needing no code in this mode (not selected, nothing marked)");

        private final String text;

        Skip(String text) {
            this.text = text;
        }
    }

    /**
     * What one run did.
     *
     * @param classes classes retransformed
     * @param failed classes the JVM refused to retransform
     * @param nanos how long the run took
     * @param skipped loaded classes left alone by the first pass, by reason
     */
    record Outcome(int classes, int failed, long nanos, Map<Skip, Integer> skipped) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder()
                    .append(classes)
                    .append(" classes in ")
                    .append(String.format(Locale.ROOT, "%.2f s", nanos / 1e9));
            if (failed != 0) {
                text.append(", ").append(failed).append(" failed");
            }
            String separator = "; skipped: ";
            for (Map.Entry<Skip, Integer> skip : skipped.entrySet()) {
                text.append(separator).append(skip.getValue()).append(' ').append(skip.getKey().text);
                separator = ", ";
            }
            return text.toString();
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
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        int done = 0;
        int failed = 0;
        for (List<Class<?>> pass = pass(seen, wanted, skipped); !pass.isEmpty(); pass = pass(seen, wanted, null)) {
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
        return new Outcome(done - failed, failed, System.nanoTime() - started, skipped);
    }

    /** The loaded classes not yet seen that this run wants; counts the others in {@code skipped} if not null. */
    private List<Class<?>> pass(Set<Class<?>> seen, Predicate<Class<?>> wanted, Map<Skip, Integer> skipped) {
        List<Class<?>> pass = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (seen.contains(type)) {
                continue;
            }
            Skip skip = skip(type, wanted);
            if (skip == null) {
                seen.add(type);
                pass.add(type);
            } else if (skipped != null) {
                skipped.merge(skip, 1, Integer::sum);
            }
        }
        return pass;
    }

    private Skip skip(Class<?> type, Predicate<Class<?>> wanted) {
        if (type.isArray() || type.isPrimitive() || type.isHidden()) {
            return Skip.SHAPE;
        }
        if (loaders.ignores(type.getClassLoader())) {
            return Skip.LOADER;
        }
        if (TypeSelection.isIgnoredName(type.getName()) || !instrumentation.isModifiableClass(type)) {
            return Skip.UNMODIFIABLE;
        }
        return wanted.test(type) ? null : Skip.UNWANTED;
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
