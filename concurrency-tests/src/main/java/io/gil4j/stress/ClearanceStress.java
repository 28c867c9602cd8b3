package io.gil4j.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.gil4j.gil.Algorithm;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * The last clearance a lock publishes must be right once everyone stops: the agent's check points trust it
 * (a thread named as holder passes them, and {@code inForce == false} lets every thread pass). Each test
 * races a release on the lock-free fast path against {@code enable()} or {@code disable()} and then, with
 * the lock free, checks r1 = "inForce equals isEnabled()" and r2 = "nobody is named as holder".
 */
public final class ClearanceStress {

    private ClearanceStress() {}

    static void judge(InterpreterLock lock, LastClearance clearance, ZZ_Result r) {
        LastClearance.Snapshot last = clearance.last();
        r.r1 = last.inForce() == lock.isEnabled();
        r.r2 = last.holder() == null;
    }

    @JCStressTest
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "in force, nobody named: right for a free lock")
    @Outcome(id = "true, false", expect = FORBIDDEN, desc = "a thread that released is still named as holder")
    @Outcome(expect = FORBIDDEN, desc = "the published state contradicts the lock's")
    @State
    public static class EnableDuringRelease {
        final LastClearance clearance = new LastClearance();
        final InterpreterLock lock = StressLocks.longInterval(Algorithm.NEW, clearance);

        @Actor
        public void holder() {
            lock.acquire();
            lock.release(SwitchReason.EXIT);
        }

        @Actor
        public void controller() {
            lock.enable();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            judge(lock, clearance, r);
        }
    }

    @JCStressTest
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "the published state matches the lock's")
    @Outcome(id = "false, true", expect = FORBIDDEN, desc = "published out of force while the lock is in force")
    @Outcome(expect = FORBIDDEN, desc = "the published state contradicts the lock's")
    @State
    public static class ModeSwitchDuringRelease {
        final LastClearance clearance = new LastClearance();
        final InterpreterLock lock = StressLocks.longInterval(Algorithm.NEW, clearance);

        @Actor
        public void holder() {
            if (lock.acquire()) {
                lock.disable();
                lock.release(SwitchReason.EXIT);
            }
        }

        @Actor
        public void controller() {
            lock.enable();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            judge(lock, clearance, r);
        }
    }

    @JCStressTest
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "the published state matches the lock's")
    @Outcome(expect = FORBIDDEN, desc = "the published state contradicts the lock's")
    @State
    public static class DisableDuringRelease {
        final LastClearance clearance = new LastClearance();
        final InterpreterLock lock = StressLocks.longInterval(Algorithm.NEW, clearance);

        @Actor
        public void holder() {
            if (lock.acquire()) {
                lock.release(SwitchReason.EXIT);
            }
        }

        @Actor
        public void controller() {
            lock.disable();
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            judge(lock, clearance, r);
        }
    }
}
