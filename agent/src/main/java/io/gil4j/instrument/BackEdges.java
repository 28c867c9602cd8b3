package io.gil4j.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.Label;

/**
 * Tells a loop's back-edges while a method's instructions stream past in order: a jump, or a switch case,
 * to a label already visited (the way Lincheck finds back-branches). One per method visit.
 *
 * <p>It also tells which back-edges close a loop that calls nothing: no call (other than the
 * {@linkplain ShortMethods#isBounded bounded JDK functions}, which the caller does not report) and no inner loop
 * between the target and the jump. Such an innermost loop of arithmetic and array accesses runs in a time
 * bounded by its trip count, as HotSpot's counted loops without a safepoint poll do, and the loop around it
 * or its method's caller checks after it; a check point inside would stop C2 from unrolling and vectorising
 * it (measured: Bouncy Castle's scrypt 1.3× slower under {@code gil} than without the agent with one).
 */
final class BackEdges {

    /** For each visited label, how many calls and back-edges had been seen when it was visited. */
    private final Map<Label, Integer> visited = new HashMap<>();

    private int work;

    /** Called for each label as it is visited. */
    void visited(Label label) {
        visited.put(label, work);
    }

    /** Called for each call that is not a bounded JDK function. */
    void called() {
        work++;
    }

    /** True if a jump to {@code target} goes back. */
    boolean isBackward(Label target) {
        return visited.containsKey(target);
    }

    /**
     * True if a jump to {@code target} goes back and closes a loop with a call or an inner loop in it, which
     * needs a check point; false for a forward jump or an innermost loop that calls nothing. A back-edge
     * counts as work for the loops around it.
     */
    boolean closesLoopWithWork(Label target) {
        Integer workBefore = visited.get(target);
        if (workBefore == null) {
            return false;
        }
        return work++ != workBefore;
    }

    /** True if any target of a switch goes back. */
    boolean anyBackward(Label dflt, Label[] labels) {
        if (visited.containsKey(dflt)) {
            return true;
        }
        for (Label label : labels) {
            if (visited.containsKey(label)) {
                return true;
            }
        }
        return false;
    }
}
