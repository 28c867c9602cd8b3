package io.gil4j.gil;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.gil4j.stress.LastClearance;
import io.gil4j.stress.StressLocks;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A revocation racing its holder's check point, a fast-path taker's clearance, and the counters a revoked
 * holder and the new holder write at once (the design comment of {@link InterpreterLock}, "Revocation",
 * "Clearance" and "Counters"). In the lock's package because the tests call package-private methods:
 * jcstress runs at most as many actors as the machine has CPUs, two in CI, so none can have a third thread
 * wait for the lock, which the watchdog's {@link InterpreterLock#revoke} requires.
 *
 * <p>Each acquisition and each check point moves {@link InterpreterLock#progressMark()} by exactly one: a
 * holder's check point counts a slow check point, a revoked holder's takes the lock again (the interval is
 * 10 s, so nobody asks for a drop). So the mark after both actors is the number of those calls, whatever
 * the interleaving, and a lower mark is a lost count.
 */
public final class RevocationStress {

    private RevocationStress() {}

    /**
     * One lock with a 10 s interval ({@link StressLocks}): longer than jcstress waits for an actor, so no
     * waiter ever asks for a drop.
     */
    abstract static class OneLock {
        final InterpreterLock lock = StressLocks.longInterval(Algorithm.NEW);

        /**
         * Takes the lock, runs a check point and releases: two counts on the mark, an acquisition and a
         * check point, whether or not the lock is revoked meanwhile (a revoked holder's check point takes
         * the lock back, and counts that acquisition instead).
         */
        void holdThroughCheckpoint() {
            lock.acquire();
            lock.checkpoint();
            lock.release(SwitchReason.EXIT);
        }

        int mark() {
            return (int) lock.progressMark();
        }
    }

    /**
     * The watchdog revokes the lock while its holder runs to a check point; the revoker then takes the lock
     * and runs a check point too. If the revocation came first, the holder's check point takes the lock back
     * (a revoked holder does, before it runs on), which the mark shows as an acquisition in place of a slow
     * check point; if it came later, the holder runs on without the lock until its next check point, as
     * designed, and its release does nothing. Results: revoked (1) or not, the progress mark (4: two
     * acquisitions, two check points, whatever the order), the lock free at the end (1).
     */
    @JCStressTest
    @Outcome(id = "1, 4, 1", expect = ACCEPTABLE, desc = "revoked; every count kept; the lock free at the end")
    @Outcome(
            id = "0, 4, 1",
            expect = ACCEPTABLE,
            desc = "not revoked: the lock was free, before the holder took it or after it let go")
    @Outcome(
            id = ".*, [0-3], .*",
            expect = FORBIDDEN,
            desc = "a count was lost, or a revoked holder did not take the lock back")
    @Outcome(expect = FORBIDDEN, desc = "the lock still held after both released it")
    @State
    public static class RevokeVersusCheckpoint extends OneLock {
        @Actor
        public void holder() {
            holdThroughCheckpoint();
        }

        @Actor
        public void watchdogThenTaker(III_Result r) {
            r.r1 = lock.revokeHolder() ? 1 : 0;
            holdThroughCheckpoint();
        }

        @Arbiter
        public void markAndOwner(III_Result r) {
            r.r2 = mark();
            r.r3 = lock.owner() == null ? 1 : 0;
        }
    }

    /**
     * The counting race itself: a revoked holder that had passed its ownership check counts its slow check
     * point while the new holder takes the lock and counts one too. Result: the progress mark (3: the old
     * holder's check point, the new holder's acquisition and check point).
     */
    @JCStressTest
    @Outcome(id = "3", expect = ACCEPTABLE, desc = "every count kept")
    @Outcome(expect = FORBIDDEN, desc = "the old holder's store overwrote the new holder's count, or the reverse")
    @State
    public static class CountersAfterRevocation extends OneLock {
        @Actor
        public void revokedHolder() {
            lock.countSlowCheckpoint();
        }

        @Actor
        public void newHolder() {
            holdThroughCheckpoint();
        }

        @Arbiter
        public void markAfterwards(I_Result r) {
            r.r1 = mark();
        }
    }

    /**
     * The watchdog revokes the lock while a taker comes through the fast path: the lock is free, so one CAS
     * takes it, and the taker then publishes itself as cleared. The last clearance must name the lock's
     * owner, or nobody while it is free: a revoked taker still named would pass the agent's check points
     * without calling the lock, so it would not take the lock back at its next one, as a revoked holder must
     * (see "Clearance" and "Revocation" in {@link InterpreterLock}). Results: revoked (1) or not, the taker
     * holds the lock at the end (1), the last clearance names the lock's owner, or nobody if it is free (1).
     */
    @JCStressTest
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "not revoked: the lock was free; the taker holds it, cleared")
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "revoked: the lock free, nobody cleared")
    @Outcome(
            id = "1, 0, 0",
            expect = FORBIDDEN,
            desc = "revoked, yet the taker is still cleared: it passes check points without the lock")
    @Outcome(expect = FORBIDDEN, desc = "the last clearance contradicts the lock's state")
    @State
    public static class RevokeVersusFastPathTake {
        final LastClearance clearance = new LastClearance();
        final InterpreterLock lock = StressLocks.longInterval(Algorithm.NEW, clearance);

        @Actor
        public void taker() {
            lock.acquire();
        }

        @Actor
        public void watchdog(III_Result r) {
            r.r1 = lock.revokeHolder() ? 1 : 0;
        }

        @Arbiter
        public void ownerAndClearance(III_Result r) {
            Thread owner = lock.owner();
            LastClearance.Snapshot last = clearance.last();
            r.r2 = owner != null ? 1 : 0;
            r.r3 = last.inForce() && last.holder() == owner ? 1 : 0;
        }
    }
}
