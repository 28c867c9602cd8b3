package io.gil4j.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.testing.Eventually;
import io.gil4j.testing.Forked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the lock tells its {@link ClearanceListener}: under the new algorithm the holder is cleared to pass
 * check points without calling the lock, until it releases or a drop is requested of it; a disabled lock
 * clears everyone; under the legacy algorithm nobody is ever cleared, since every check point counts.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClearanceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void new_clears_an_uncontended_holder_until_it_releases() {
        Recorder recorder = new Recorder();
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW, recorder);
        Thread me = Thread.currentThread();
        assertEquals(new Clearance(true, null), recorder.last(), "a new lock is free");

        assertTrue(lock.acquire());
        assertEquals(new Clearance(true, me), recorder.last());
        lock.checkpoint();
        assertEquals(new Clearance(true, me), recorder.last(), "a check point with no drop pending");
        lock.release(SwitchReason.EXIT);
        assertEquals(new Clearance(true, null), recorder.last());
    }

    @Test
    void drop_request_withdraws_the_holders_clearance() {
        Recorder recorder = new Recorder();
        InterpreterLock lock = LockVariant.NEW_5MS.newLock(recorder);
        Thread me = Thread.currentThread();
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await(
                "the waiter asks for a drop", TIMEOUT, () -> lock.stats().dropRequests() == 1);
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(new Clearance(true, null), recorder.last(), "still cleared although asked to drop");

        Contention.checkpointUntil(lock, "the waiter took the lock", TIMEOUT, waiter::isDone);
        waiter.get(TIMEOUT);
        assertTrue(recorder.all().contains(new Clearance(true, waiter.thread())), "the taker was never cleared");
        assertEquals(new Clearance(true, me), recorder.last(), "the holder is cleared again");
        lock.release(SwitchReason.EXIT);
    }

    @Test
    void disabled_lock_clears_everyone_and_enabled_again_clears_nobody_until_taken() {
        Recorder recorder = new Recorder();
        InterpreterLock lock = LockVariant.quiet(Algorithm.NEW, recorder);
        assertTrue(lock.acquire());
        lock.disable();
        assertFalse(recorder.last().inForce(), "out of force: no thread needs to call at check points");
        lock.enable();
        assertEquals(new Clearance(true, null), recorder.last(), "disable freed the lock: nobody is cleared");
        lock.checkpoint();
        assertEquals(new Clearance(true, Thread.currentThread()), recorder.last());
        lock.release(SwitchReason.EXIT);
        lock.disable();
        assertEquals(new Clearance(false, null), recorder.last());
    }

    @Test
    void legacy_never_clears_a_holder() {
        Recorder recorder = new Recorder();
        InterpreterLock lock = LockVariant.LEGACY_100.newLock(recorder);
        assertTrue(lock.acquire());
        Forked<Long> waiter = Contention.takeAndRelease("waiter", lock);
        Eventually.await("the waiter waits", TIMEOUT, () -> lock.stats().waiters() == 1);
        for (int i = 0; i < 10 * LockVariant.CHECK_INTERVAL; i++) {
            lock.checkpoint();
        }
        lock.release(SwitchReason.EXIT);
        waiter.get(TIMEOUT);

        List<Clearance> all = recorder.all();
        assertTrue(all.size() >= 4, "too few publications to judge: " + all);
        assertTrue(all.stream().allMatch(c -> c.inForce() && c.holder() == null), "published " + all);
    }

    record Clearance(boolean inForce, Thread holder) {}

    /** Records every publication, in order. */
    static final class Recorder implements ClearanceListener {

        private final List<Clearance> publications = new ArrayList<>();

        @Override
        public synchronized void clearanceChanged(boolean inForce, Thread holder) {
            publications.add(new Clearance(inForce, holder));
        }

        synchronized Clearance last() {
            return publications.get(publications.size() - 1);
        }

        synchronized List<Clearance> all() {
            return new ArrayList<>(publications);
        }
    }
}
