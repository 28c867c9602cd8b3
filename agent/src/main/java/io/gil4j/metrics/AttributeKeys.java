package io.gil4j.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/** The attributes of gil4j's metrics: gil4j's own under {@code gil4j.}, the rest from the semantic conventions. */
final class AttributeKeys {

    static final AttributeKey<String> LOCK = AttributeKey.stringKey("gil4j.lock");
    static final AttributeKey<String> LOCK_STATE = AttributeKey.stringKey("gil4j.lock.state");
    static final AttributeKey<Boolean> LOCK_CONTENDED = AttributeKey.booleanKey("gil4j.lock.contended");
    static final AttributeKey<String> SWITCH_REASON = AttributeKey.stringKey("gil4j.switch.reason");
    static final AttributeKey<String> MODE = AttributeKey.stringKey("gil4j.mode");
    static final AttributeKey<String> SPEEDUP_BASELINE = AttributeKey.stringKey("gil4j.speedup.baseline");
    static final AttributeKey<String> POOL = AttributeKey.stringKey("gil4j.pool");
    static final AttributeKey<String> POOL_THREAD_STATE = AttributeKey.stringKey("gil4j.pool.thread.state");
    static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> CPU = AttributeKey.longKey("cpu.logical_number");
    static final AttributeKey<String> CPU_MODE = AttributeKey.stringKey("cpu.mode");

    private AttributeKeys() {}

    /** {@code attributes} and one more. */
    static <T> Attributes with(Attributes attributes, AttributeKey<T> key, T value) {
        return attributes.toBuilder().put(key, value).build();
    }
}
