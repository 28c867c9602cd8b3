package io.gil4j.realcode;

import io.gil4j.realcode.tasks.GuavaCollections;
import io.gil4j.realcode.tasks.JsonRoundTrip;
import io.gil4j.realcode.tasks.LuceneIndex;
import io.gil4j.realcode.tasks.MustacheRender;
import io.gil4j.realcode.tasks.PasswordHash;
import io.gil4j.realcode.tasks.XzRoundTrip;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * The workloads by the name {@code --task} takes. Each call goes straight to its class's static {@code run}
 * method, so the agent's {@code offload=} pattern for that method ({@link #offloadPattern()}) reroutes it.
 */
enum Task {
    JSON("json", JsonRoundTrip.class, JsonRoundTrip::run),
    HASH("hash", PasswordHash.class, PasswordHash::run),
    COMPRESS("compress", XzRoundTrip.class, XzRoundTrip::run),
    TEMPLATE("template", MustacheRender.class, MustacheRender::run),
    INDEX("index", LuceneIndex.class, LuceneIndex::run),
    COLLECTIONS("collections", GuavaCollections.class, GuavaCollections::run);

    private final String id;
    private final Class<?> workload;

    @SuppressWarnings("ImmutableEnumChecker") // a stateless method reference
    private final IntToLongFunction run;

    Task(String id, Class<?> workload, IntToLongFunction run) {
        this.id = id;
        this.workload = workload;
        this.run = run;
    }

    /** The name on the command line and in the CSV output. */
    String id() {
        return id;
    }

    /** The agent's method pattern that marks this task's calls: {@code pkg.Class#run}. */
    String offloadPattern() {
        return workload.getName() + "#run";
    }

    /** Runs one call of the workload on the calling thread (or wherever the agent reroutes it). */
    long run(int seed) {
        return run.applyAsLong(seed);
    }

    /** The task named {@code id}, if any. */
    static Optional<Task> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
