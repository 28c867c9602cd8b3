package io.gil4j.pool;

import java.util.Locale;

/** What a submission does when the pool's queue is full (configuration key {@code gil4j.pool.policy}). */
public enum QueuePolicy {

    /** The submitter waits for room; an interrupt while it waits cancels the call. The default. */
    BLOCK,

    /** The submitter runs the call itself, inline, as if it were not marked. */
    CALLER_RUNS,

    /** The submission throws {@link java.util.concurrent.RejectedExecutionException}. */
    REJECT;

    /** The value as configuration spells it: {@code block}, {@code caller-runs}, {@code reject}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
