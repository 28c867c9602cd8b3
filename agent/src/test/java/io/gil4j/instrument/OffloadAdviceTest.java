package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.bootstrap.AgentRuntime;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OffloadAdviceTest {

    /** The marked class, redefined with the advice in a loader of its own. */
    public static final class Marked {
        public int answer() {
            return 42;
        }
    }

    /** A runtime that ends every rerouted call with {@link #outcome}. */
    private static final class Rerouting implements AgentRuntime {
        volatile Offloaded outcome;

        @Override
        public Offloaded offload(Class<?> type, String method, Object receiver, Object[] arguments) {
            return outcome;
        }

        @Override
        public void checkpoint() {}

        @Override
        public boolean beforeBlocking() {
            return false;
        }

        @Override
        public void afterBlocking() {}

        @Override
        public void threadEnds() {}

        @Override
        public String mode() {
            return "processes";
        }

        @Override
        public void switchMode(String mode) {}
    }

    private final Rerouting runtime = new Rerouting();
    private Object marked;
    private Method answer;

    @BeforeEach
    void installRuntime() throws Exception {
        assertTrue(Hooks.install(runtime), "another runtime is installed in this JVM");
        Hooks.onDetach(() -> {});
        Hooks.offloading(true);
        Class<?> advised = new ByteBuddy()
                .redefine(Marked.class)
                .visit(OffloadAdvice.on(ElementMatchers.named("answer")))
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        marked = advised.getConstructor().newInstance();
        answer = advised.getMethod("answer");
    }

    @AfterEach
    void detachRuntime() {
        Hooks.detach();
    }

    @Test
    void the_caller_gets_the_value_the_call_returned_elsewhere() throws Exception {
        runtime.outcome = Offloaded.returned("processes", 7);

        assertEquals(7, answer.invoke(marked));
    }

    @Test
    void the_caller_gets_exactly_the_throwable_the_call_ended_with_elsewhere() {
        IllegalStateException own = new IllegalStateException("the method's own");
        runtime.outcome = Offloaded.threw("processes", own);

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> answer.invoke(marked));

        assertSame(own, thrown.getCause());
    }

    @Test
    void the_body_runs_inline_when_the_call_was_not_rerouted() throws Exception {
        runtime.outcome = null;

        assertEquals(42, answer.invoke(marked));
    }

    @Test
    void a_failure_of_the_exit_never_reaches_the_caller_and_is_counted() throws Exception {
        runtime.outcome = Offloaded.returned("processes", "not an int"); // the exit's cast to int fails
        long failures = Hooks.failures();

        Object returned = answer.invoke(marked);

        assertEquals(0, returned, "the return type's default value");
        assertEquals(failures + 1, Hooks.failures());
    }
}
