package io.gil4j.stress;

import io.gil4j.gil.ClearanceListener;

/**
 * Remembers the last clearance a lock published, as one immutable snapshot in one volatile field (as the
 * agent's {@code Hooks.clear} keeps it), so a reader never sees {@code inForce} and {@code holder} from two
 * different publications.
 */
public final class LastClearance implements ClearanceListener {

    /** One publication. */
    public record Snapshot(boolean inForce, Thread holder) {}

    private volatile Snapshot last = new Snapshot(false, null);

    @Override
    public void clearanceChanged(boolean inForce, Thread holder) {
        last = new Snapshot(inForce, holder);
    }

    public Snapshot last() {
        return last;
    }
}
