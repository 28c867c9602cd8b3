package io.gil4j.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WorkerStackTraceTest {

    private static final StackTraceElement[] CALLER = {new StackTraceElement("Caller", "call", "Caller.java", 7)};

    @Test
    void failure_without_cause_keeps_the_worker_stack_as_cause_and_takes_the_caller_stack() {
        IOException failure = new IOException("disk");
        StackTraceElement[] workerStack = failure.getStackTrace();

        Throwable thrown = WorkerStackTrace.attach(failure, "worker-1", CALLER);

        assertSame(failure, thrown);
        assertArrayEquals(CALLER, thrown.getStackTrace());
        WorkerStackTrace cause = assertInstanceOf(WorkerStackTrace.class, thrown.getCause());
        assertArrayEquals(workerStack, cause.getStackTrace());
        assertEquals("stack of the marked call on worker-1", cause.getMessage());
    }

    @Test
    void failure_with_a_cause_keeps_it_and_adds_the_worker_stack_as_suppressed() {
        IllegalStateException root = new IllegalStateException("root");
        RuntimeException failure = new RuntimeException("outer", root);

        WorkerStackTrace.attach(failure, "worker-2", CALLER);

        assertSame(root, failure.getCause());
        assertInstanceOf(WorkerStackTrace.class, failure.getSuppressed()[0]);
        assertArrayEquals(CALLER, failure.getStackTrace());
    }

    @Test
    void failure_whose_cause_was_set_to_null_gets_the_worker_stack_as_suppressed() {
        RuntimeException failure = new RuntimeException("no cause", null);

        WorkerStackTrace.attach(failure, "worker-3", CALLER);

        assertEquals(null, failure.getCause());
        assertEquals(1, failure.getSuppressed().length);
    }

    @Test
    void failure_without_a_writable_stack_is_left_alone() {
        RuntimeException failure = new RuntimeException("fixed", null, false, false) {};

        WorkerStackTrace.attach(failure, "worker-4", CALLER);

        assertEquals(0, failure.getStackTrace().length);
        assertEquals(null, failure.getCause());
    }
}
