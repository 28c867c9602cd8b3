package io.gil4j.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded FIFO queue between a pool's submitters and its workers, with a {@code closed} flag that
 * shutdown sets. Everything — the calls, the flag, both conditions — is guarded by one lock, so "the queue
 * is closed" and "this call was added" are ordered: a call is either added before {@link #close()}, and
 * then taken by a worker or returned by {@link #drain()}, or refused with {@link Admission#CLOSED}. The
 * depth is mirrored in a volatile field so that metrics read it without the lock.
 */
final class CallQueue {

    /** The outcome of adding a call. */
    enum Admission {
        ACCEPTED,
        FULL,
        CLOSED
    }

    private final int capacity;
    private final ArrayDeque<PooledCall> calls;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private boolean closed; // guarded by lock
    private volatile int depth; // written under lock

    CallQueue(int capacity) {
        this.capacity = capacity;
        this.calls = new ArrayDeque<>(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** Calls queued now; read without the lock. */
    int depth() {
        return depth;
    }

    /** Adds {@code call} at the tail if there is room and the queue is open. */
    Admission offer(PooledCall call) {
        lock.lock();
        try {
            if (closed) {
                return Admission.CLOSED;
            }
            if (calls.size() == capacity) {
                return Admission.FULL;
            }
            add(call);
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code call} at the tail, waiting for room; returns {@link Admission#CLOSED} at once, or as soon
     * as the queue is closed while waiting. Never returns {@link Admission#FULL}.
     *
     * @throws InterruptedException if interrupted before the call was added (it was not)
     */
    Admission put(PooledCall call) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && calls.size() == capacity) {
                notFull.await();
            }
            if (closed) {
                return Admission.CLOSED;
            }
            add(call);
            return Admission.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    private void add(PooledCall call) {
        calls.addLast(call);
        depth = calls.size();
        notEmpty.signal();
    }

    /**
     * Removes and returns the head, waiting uninterruptibly while the queue is empty and open; returns null
     * once it is closed and empty: the worker then ends.
     */
    PooledCall take() {
        lock.lock();
        try {
            while (calls.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.awaitUninterruptibly();
            }
            PooledCall head = calls.removeFirst();
            depth = calls.size();
            notFull.signal();
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code call} if it is still queued (a cancelled call gives its room back at once). */
    void remove(PooledCall call) {
        lock.lock();
        try {
            if (calls.removeFirstOccurrence(call)) {
                depth = calls.size();
                notFull.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every later call and wakes everyone waiting: idle workers end, blocked submitters are refused. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every queued call, oldest first. */
    List<PooledCall> drain() {
        lock.lock();
        try {
            List<PooledCall> left = new ArrayList<>(calls);
            calls.clear();
            depth = 0;
            notFull.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
