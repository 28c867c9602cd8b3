package io.gil4j.instrument;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Label;

/**
 * Tells a loop's back-edges while a method's instructions stream past in order: a jump, or a switch case,
 * to a label already visited (the way Lincheck finds back-branches). One per method visit.
 */
final class BackEdges {

    private final Set<Label> visited = new HashSet<>();

    /** Called for each label as it is visited. */
    void visited(Label label) {
        visited.add(label);
    }

    /** True if a jump to {@code target} goes back. */
    boolean isBackward(Label target) {
        return visited.contains(target);
    }

    /** True if any target of a switch goes back. */
    boolean anyBackward(Label dflt, Label[] labels) {
        if (visited.contains(dflt)) {
            return true;
        }
        for (Label label : labels) {
            if (visited.contains(label)) {
                return true;
            }
        }
        return false;
    }
}
