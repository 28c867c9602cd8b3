package io.gil4j.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Lost wake-ups: a thread blocked in {@code acquire()} must return once the holder releases (or the lock is
 * disabled). jcstress constructs the state and sends the signal from the same harness thread, so the
 * constructor takes the lock and the signal releases it; the actor is the waiter. The interval is longer
 * than jcstress waits, so a waiter's timed wait cannot mask a lost signal.
 */
public final class WakeUpStress {

    private WakeUpStress() {}

    /** A lock taken by the harness thread at construction, and a waiter that takes it and lets go. */
    abstract static class HeldLock {
        final InterpreterLock lock;

        HeldLock(Algorithm algorithm) {
            lock = StressLocks.longInterval(algorithm);
            lock.acquire();
        }

        void awaitLock() {
            if (lock.acquire()) {
                lock.release(SwitchReason.EXIT);
            }
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter took the lock after the release")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter sleeps on a free lock")
    @State
    public static class NewReleaseWakesWaiter extends HeldLock {
        public NewReleaseWakesWaiter() {
            super(Algorithm.NEW);
        }

        @Actor
        public void waiter() {
            awaitLock();
        }

        @Signal
        public void holderReleases() {
            lock.release(SwitchReason.EXIT);
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter took the lock after the release")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter sleeps on a free lock")
    @State
    public static class LegacyReleaseWakesWaiter extends HeldLock {
        public LegacyReleaseWakesWaiter() {
            super(Algorithm.LEGACY);
        }

        @Actor
        public void waiter() {
            awaitLock();
        }

        @Signal
        public void holderReleases() {
            lock.release(SwitchReason.EXIT);
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter returned once the lock was disabled")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the waiter still waits on a disabled lock")
    @State
    public static class NewDisableWakesWaiter extends HeldLock {
        public NewDisableWakesWaiter() {
            super(Algorithm.NEW);
        }

        @Actor
        public void waiter() {
            awaitLock();
        }

        @Signal
        public void disable() {
            lock.disable();
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter returned once the lock was disabled")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the waiter still waits on a disabled lock")
    @State
    public static class LegacyDisableWakesWaiter extends HeldLock {
        public LegacyDisableWakesWaiter() {
            super(Algorithm.LEGACY);
        }

        @Actor
        public void waiter() {
            awaitLock();
        }

        @Signal
        public void disable() {
            lock.disable();
        }
    }
}
