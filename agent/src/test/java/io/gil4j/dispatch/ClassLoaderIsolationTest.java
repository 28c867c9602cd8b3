package io.gil4j.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.crossing.NotShareableException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClassLoaderIsolationTest {

    private final ClassLoaderIsolation isolation = new ClassLoaderIsolation();

    /** The marked class: one copy per interpreter. */
    static final class Module implements Serializable {
        private static final long serialVersionUID = 1L;
        static int calls;

        final int base;

        Module(int base) {
            this.base = base;
        }

        static int count() {
            return ++calls;
        }

        int drain(List<String> items) {
            int size = items.size();
            items.clear();
            return base + size;
        }

        Module twice() {
            return new Module(base * 2);
        }

        static void fail(String message) {
            throw new Failure(message);
        }

        static int weigh(Opaque opaque) {
            return 1;
        }

        static CompletableFuture<Module> later(int base) {
            return CompletableFuture.supplyAsync(() -> new Module(base));
        }
    }

    /** An exception of the application's own. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** Not serializable. */
    static final class Opaque {}

    private Object call(String method, Object receiver, Object... arguments) throws Exception {
        return isolation
                .work(markedCall(Module.class, method, receiver, arguments))
                .call();
    }

    private static MarkedCall markedCall(Class<?> type, String method, Object receiver, Object... arguments)
            throws NoSuchMethodException {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                return MarkedCall.of(type, MarkedCall.nameAndDescriptor(m), receiver, arguments);
            }
        }
        throw new NoSuchMethodException(method);
    }

    @Test
    void statics_are_per_interpreter_and_the_callers_stay_untouched() throws Exception {
        assertEquals(1, call("count", null));
        assertEquals(2, call("count", null));

        FutureTask<Object> elsewhere = new FutureTask<>(() -> call("count", null));
        new Thread(elsewhere).start();
        assertEquals(1, elsewhere.get(10, TimeUnit.SECONDS), "another worker, another interpreter");
        assertEquals(0, Module.calls);
    }

    @Test
    void the_receiver_and_arguments_cross_by_copy() throws Exception {
        List<String> items = new ArrayList<>(List.of("a", "b"));

        assertEquals(42, call("drain", new Module(40), items));

        assertEquals(List.of("a", "b"), items, "the worker cleared its own copy");
    }

    @Test
    void a_result_comes_back_as_an_instance_of_the_callers_class() throws Exception {
        Module caller = new Module(21);

        Object result = call("twice", caller);

        assertSame(Module.class, result.getClass());
        assertEquals(42, ((Module) result).base);
    }

    @Test
    void an_exception_comes_back_as_a_copy_of_the_same_type_and_message() {
        Failure thrown = assertThrows(Failure.class, () -> call("fail", null, "boom"));

        assertEquals("boom", thrown.getMessage());
    }

    @Test
    void a_value_that_cannot_be_copied_fails_in_the_caller_naming_its_type() throws Exception {
        MarkedCall weigh = markedCall(Module.class, "weigh", null, new Opaque());

        NotShareableException e = assertThrows(NotShareableException.class, () -> isolation.work(weigh));

        assertEquals(Opaque.class.getName(), e.offendingType());
        assertTrue(
                e.getMessage().contains("to an interpreter for " + Module.class.getName() + ".weigh"), e.getMessage());
    }

    @Test
    void an_async_method_completes_with_a_copy_of_its_outcome() throws Exception {
        Object stage = call("later", null, 5);

        Object value = ((CompletableFuture<?>) stage).get(10, TimeUnit.SECONDS);

        assertSame(Module.class, value.getClass());
        assertEquals(5, ((Module) value).base);
    }

    @Test
    void an_interpreters_own_class_runs_as_it_is_without_copies() throws Exception {
        try (InterpreterLoader loader =
                InterpreterLoader.mirroring(Module.class.getClassLoader(), Module.class, "own")) {
            Class<?> own = Class.forName(Module.class.getName(), true, loader);
            Constructor<?> constructor = own.getDeclaredConstructor(int.class);
            constructor.setAccessible(true);
            Object receiver = constructor.newInstance(1);
            List<String> items = new ArrayList<>(List.of("a"));

            assertEquals(
                    2, isolation.work(markedCall(own, "drain", receiver, items)).call());

            assertTrue(items.isEmpty(), "the very list was passed");
            assertNotSame(Module.class, own);
        }
    }
}
