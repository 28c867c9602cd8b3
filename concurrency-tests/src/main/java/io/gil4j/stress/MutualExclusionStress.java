package io.gil4j.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two actors increment a plain field under the lock and read it back. The lock is the only thing that
 * orders them, so any outcome but (1, 2) or (2, 1) means two threads were inside at once, or a holder did
 * not see its predecessor's write (a missing happens-before across the hand-over).
 */
public final class MutualExclusionStress {

    private MutualExclusionStress() {}

    /** A counter guarded by the lock, released for {@code reason}. */
    abstract static class GuardedCounter {
        private final InterpreterLock lock;
        private final SwitchReason reason;
        private int x;

        GuardedCounter(Algorithm algorithm, SwitchReason reason) {
            this.lock = StressLocks.longInterval(algorithm);
            this.reason = reason;
        }

        int increment() {
            lock.acquire();
            try {
                return ++x;
            } finally {
                lock.release(reason);
            }
        }
    }

    @JCStressTest
    @Outcome(
            id = {"1, 2", "2, 1"},
            expect = ACCEPTABLE,
            desc = "one increment after the other")
    @Outcome(expect = FORBIDDEN, desc = "both inside at once, or an increment not visible to the next holder")
    @State
    public static class New extends GuardedCounter {
        public New() {
            super(Algorithm.NEW, SwitchReason.EXIT);
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = increment();
        }
    }

    @JCStressTest
    @Outcome(
            id = {"1, 2", "2, 1"},
            expect = ACCEPTABLE,
            desc = "one increment after the other")
    @Outcome(expect = FORBIDDEN, desc = "both inside at once, or an increment not visible to the next holder")
    @State
    public static class Legacy extends GuardedCounter {
        public Legacy() {
            super(Algorithm.LEGACY, SwitchReason.EXIT);
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = increment();
        }
    }

    /** The same with a release around a blocking call. */
    @JCStressTest
    @Outcome(
            id = {"1, 2", "2, 1"},
            expect = ACCEPTABLE,
            desc = "one increment after the other")
    @Outcome(expect = FORBIDDEN, desc = "both inside at once, or an increment not visible to the next holder")
    @State
    public static class NewBlockingRelease extends GuardedCounter {
        public NewBlockingRelease() {
            super(Algorithm.NEW, SwitchReason.BLOCKING);
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = increment();
        }
    }
}
