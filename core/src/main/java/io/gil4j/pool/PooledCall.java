package io.gil4j.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * One call handed to a {@link WorkerPool}, and its life: {@code QUEUED → RUNNING → DONE}, or {@code QUEUED →
 * CANCELLED} (its caller gave up on it), or {@code QUEUED → REJECTED} (shutdown gave up on it).
 *
 * <p>The three ways out of {@code QUEUED} are compare-and-sets, so a worker starting the call, its caller
 * cancelling it and shutdown abandoning it race safely: exactly one wins, and the losers leave the call
 * alone. {@code RUNNING → DONE} is written only by the worker that won the start, after it has stored the
 * outcome in plain fields; the volatile write of {@code DONE} publishes them (release), and a reader that
 * sees {@code DONE} (acquire) sees them.
 *
 * <p>A call is waited for in one of two ways, fixed at creation: a caller thread parked in
 * {@link WorkerPool#call} (unparked when the call reaches {@code DONE} or {@code REJECTED}), or a
 * {@link CompletableFuture} returned by {@link WorkerPool#submit} (completed then).
 */
final class PooledCall {

    static final int QUEUED = 0;
    static final int RUNNING = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;
    static final int REJECTED = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PooledCall.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Callable<Object> work;
    /** When the call was created, just before it was queued: the start of its queue wait. */
    final long createdNanos;

    private final Thread waiter; // parked in WorkerPool.call, or null
    private final CompletableFuture<Object> future; // returned by WorkerPool.submit, or null

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    // Written by the worker before it publishes DONE; read only after reading DONE.
    private Object value;
    private Throwable failure;
    private String worker;

    private PooledCall(Callable<Object> work, Thread waiter, CompletableFuture<Object> future) {
        this.work = work;
        this.waiter = waiter;
        this.future = future;
        this.createdNanos = System.nanoTime();
    }

    /** A call whose outcome the current thread will wait for, parked. */
    static PooledCall awaitedByCurrentThread(Callable<Object> work) {
        return new PooledCall(work, Thread.currentThread(), null);
    }

    /** A call whose outcome completes {@code future}. */
    static PooledCall completing(Callable<Object> work, CompletableFuture<Object> future) {
        return new PooledCall(work, null, future);
    }

    /** The state now (acquire): one of the constants above. */
    int state() {
        return state;
    }

    /** True once the call is {@code DONE} or {@code REJECTED}: its waiter has been or is being woken. */
    boolean isSettled() {
        int now = state;
        return now == DONE || now == REJECTED;
    }

    /** A worker claims the call. False if it was cancelled or rejected first: the worker must skip it. */
    boolean start() {
        return STATE.compareAndSet(this, QUEUED, RUNNING);
    }

    /** The caller gives up on a call that has not started. False if a worker started it, or it was rejected. */
    boolean cancel() {
        return STATE.compareAndSet(this, QUEUED, CANCELLED);
    }

    /**
     * The worker that started the call reports its outcome, publishes {@code DONE} and wakes the waiter.
     * The future, if any, is completed on this thread, so stages chained on it without an executor run here.
     */
    void finish(String workerName, Object result, Throwable thrown) {
        this.value = result;
        this.failure = thrown;
        this.worker = workerName;
        state = DONE; // release: publishes the three fields above
        if (future == null) {
            LockSupport.unpark(waiter);
        } else if (thrown == null) {
            future.complete(result);
        } else {
            future.completeExceptionally(thrown);
        }
    }

    /**
     * Shutdown gives up on a call that has not started: it becomes {@code REJECTED}, its waiter wakes and
     * builds its own exception, its future fails with {@code reason}. False if the call started or was
     * cancelled first.
     */
    boolean reject(RejectedExecutionException reason) {
        if (!STATE.compareAndSet(this, QUEUED, REJECTED)) {
            return false;
        }
        if (future == null) {
            LockSupport.unpark(waiter);
        } else {
            future.completeExceptionally(reason);
        }
        return true;
    }

    /** After {@code DONE}: what the work returned (null if it threw). */
    Object value() {
        return value;
    }

    /** After {@code DONE}: what the work threw, or null. */
    Throwable failure() {
        return failure;
    }

    /** After {@code DONE}: the name of the worker thread that ran the call. */
    String worker() {
        return worker;
    }
}
