package io.gil4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gil4j.api.Mode;
import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.gil.SwitchReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Growth lands on the mode it is settled under, and a mode under which a lock did nothing has no series. */
class LockLedgerTest {

    private final InterpreterLock lock = new InterpreterLock(
            Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.EVERY);
    private final LockLedger ledger = new LockLedger(() -> Map.of("main", lock));

    private void takeAndRelease(int times) {
        for (int i = 0; i < times; i++) {
            lock.acquire();
            lock.release(SwitchReason.EXIT);
        }
    }

    private Map<Mode, LockLedger.Totals> totals() {
        Map<Mode, LockLedger.Totals> byMode = new EnumMap<>(Mode.class);
        ledger.forEach((name, mode, of) -> byMode.put(mode, of));
        return byMode;
    }

    @Test
    void growth_since_the_last_settle_goes_to_the_mode_settled_under() {
        takeAndRelease(2);
        ledger.settle(Mode.GIL);
        takeAndRelease(3);
        ledger.settle(Mode.INTERPRETERS);
        ledger.settle(Mode.NATIVE);

        Map<Mode, LockLedger.Totals> byMode = totals();
        assertEquals(2, byMode.get(Mode.GIL).acquisitions);
        assertEquals(2, byMode.get(Mode.GIL).holds.count());
        assertEquals(3, byMode.get(Mode.INTERPRETERS).acquisitions);
        assertEquals(3, byMode.get(Mode.INTERPRETERS).waits.count(), "uncontended waits count as zeros");
        assertNull(byMode.get(Mode.NATIVE), "nothing happened under native: no series");
        assertEquals(Map.of("main", 0), ledger.waiters());
    }
}
