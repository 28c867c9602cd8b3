package io.gil4j.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Forced switching terminates: the actor holds the lock and runs check points until another thread has had
 * the lock; the signal starts that other thread, which only ever calls {@code acquire()}. The actor ends only
 * if the waiter's drop request reached the holder, the holder dropped the lock, the waiter took it, and the
 * holder, waiting for that switch, was woken and took the lock back.
 */
public final class ForcedSwitchStress {

    private ForcedSwitchStress() {}

    /** The shared body: a holder in a check-point loop and a waiter started by the signal. */
    abstract static class Base {
        final InterpreterLock lock;
        volatile boolean waiterHadLock;

        Base(long intervalNanos) {
            lock = new InterpreterLock(Algorithm.NEW, intervalNanos, 100, ClearanceListener.IGNORE, HoldTiming.SAMPLED);
        }

        void holdUntilWaiterHadLock() {
            lock.acquire();
            while (!waiterHadLock) {
                lock.checkpoint();
            }
            lock.release(SwitchReason.EXIT);
        }

        void startWaiter() {
            Thread waiter = new Thread(
                    () -> {
                        lock.acquire();
                        waiterHadLock = true;
                        lock.release(SwitchReason.EXIT);
                    },
                    "forced-switch-waiter");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(
            id = "TERMINATED",
            expect = ACCEPTABLE,
            desc = "the waiter got the lock from a holder in a check-point loop")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the hand-over never happened")
    @State
    public static class Interval1us extends Base {
        public Interval1us() {
            super(1_000);
        }

        @Actor
        public void holder() {
            holdUntilWaiterHadLock();
        }

        @Signal
        public void waiterArrives() {
            startWaiter();
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(
            id = "TERMINATED",
            expect = ACCEPTABLE,
            desc = "the waiter got the lock from a holder in a check-point loop")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the hand-over never happened")
    @State
    public static class Interval100us extends Base {
        public Interval100us() {
            super(100_000);
        }

        @Actor
        public void holder() {
            holdUntilWaiterHadLock();
        }

        @Signal
        public void waiterArrives() {
            startWaiter();
        }
    }
}
