package io.gil4j.dispatch;

import io.gil4j.crossing.NotShareableException;
import io.gil4j.crossing.Snapshot;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link PoolRoute.Handoff} of {@code interpreters.isolation=classloader}: each worker runs the marked
 * method in its own copy of the declaring class, defined by an {@link InterpreterLoader} of its own, so
 * statics are per interpreter; the receiver, the arguments, the result and a thrown exception cross by copy
 * ({@link Snapshot}).
 *
 * <p><b>The crossing.</b> The caller takes a snapshot of the receiver and the arguments, together (so
 * references shared between them stay shared), before the call is queued: a value that cannot be copied
 * fails the call there with {@link NotShareableException} naming its type, and an async caller may change
 * its objects afterwards without the worker seeing it. The worker reads the copies with its loader, runs the
 * method found by name and descriptor in its copy of the class, and copies the result, or the exception it
 * threw, back into the caller's loader; an exception arrives as a copy of the same type and message. For an
 * async method the future is the JDK's and crosses as it is; its outcome is copied back when it completes.
 *
 * <p><b>Loaders.</b> A worker makes its loaders lazily, one for each class loader whose marked classes it
 * runs, and only it uses them: no locking. They are weakly keyed by the caller's loader, so an application
 * loader that is dropped is not kept alive. A marked method of an interpreter's own class called off its
 * worker (by a thread that the interpreter's code started, say) has no caller to copy from: it runs on a
 * worker as it is, in the interpreter whose class it is.
 */
final class ClassLoaderIsolation implements PoolRoute.Handoff {

    private final ThreadLocal<Map<ClassLoader, InterpreterLoader>> loaders = ThreadLocal.withInitial(WeakHashMap::new);

    @Override
    public Callable<Object> work(MarkedCall call) {
        Class<?> type = call.method.getDeclaringClass();
        ClassLoader callers = type.getClassLoader();
        if (callers instanceof InterpreterLoader) {
            return call::invoke;
        }
        Object[] receiverAndArguments = new Object[call.arguments.length + 1];
        receiverAndArguments[0] = call.receiver;
        System.arraycopy(call.arguments, 0, receiverAndArguments, 1, call.arguments.length);
        Snapshot in = Snapshot.of(receiverAndArguments, "to an interpreter for " + call.describe());
        return () -> {
            ClassLoader mine = loaders.get()
                    .computeIfAbsent(
                            callers,
                            original -> InterpreterLoader.mirroring(
                                    original, type, Thread.currentThread().getName()));
            Object[] copied = (Object[]) in.copyFor(mine);
            MarkedCall there = call.in(copyOf(type, mine), copied[0], Arrays.copyOfRange(copied, 1, copied.length));
            Back back = new Back(call, callers);
            Object value;
            try {
                value = there.invoke();
            } catch (Throwable thrown) {
                throw MarkedCall.<Exception>unchecked(back.failure(thrown));
            }
            return call.isAsync() && value != null ? back.later((CompletionStage<?>) value) : back.value(value);
        };
    }

    private static Class<?> copyOf(Class<?> type, ClassLoader loader) {
        try {
            return Class.forName(type.getName(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "gil4j: cannot load " + type.getName() + " in an interpreter of its own:"
                            + " it is not on the class path of " + type.getClassLoader()
                            + "; run it with interpreters.isolation=shared",
                    e);
        }
    }

    /** The outcome of one call on its way back to the caller's loader. */
    private static final class Back {

        private final String what;
        private final ClassLoader callers;

        Back(MarkedCall call, ClassLoader callers) {
            this.what = "back from the interpreter of " + call.describe();
            this.callers = callers;
        }

        Object value(Object value) {
            return Snapshot.of(value, what).copyFor(callers);
        }

        /** The copy of {@code thrown}, or the {@link NotShareableException} that says why it has none. */
        Throwable failure(Throwable thrown) {
            try {
                return (Throwable) Snapshot.of(
                                thrown, what + ", in the " + thrown.getClass().getName() + " it threw")
                        .copyFor(callers);
            } catch (NotShareableException e) {
                return e;
            }
        }

        /** A future completed with the copy of {@code stage}'s outcome. */
        CompletableFuture<Object> later(CompletionStage<?> stage) {
            CompletableFuture<Object> copied = new CompletableFuture<>();
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    copied.completeExceptionally(failure(failure));
                    return;
                }
                try {
                    copied.complete(value(value));
                } catch (NotShareableException e) {
                    copied.completeExceptionally(e);
                }
            });
            return copied;
        }
    }
}
