package io.gil4j.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose calls the gil4j agent may run elsewhere: one at a time in the {@code sequential}
 * mode, on a worker with its own lock in {@code interpreters}, in a worker JVM in {@code processes}. In
 * {@code native} and {@code gil}, and without the agent, the annotation does nothing and calls run inline.
 *
 * <p>The caller sees the call as if it had run inline: the same return value, the same exception. A method
 * returning {@code CompletableFuture} or {@code CompletionStage} returns at once when offloaded and
 * completes when the worker does. In {@code processes}, the receiver (for instance methods), the arguments
 * and the result cross to the worker JVM by serialization.
 *
 * <p>Third-party methods are marked without this annotation, by configuration: {@code gil4j.offload}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Offload {}
