package io.gil4j.demo.mode;

import io.gil4j.api.Mode;
import java.util.ArrayList;
import java.util.List;

/** A mode control for tests: an agent that is present or not, and that records every switch. */
public final class RecordingModeControl implements ModeControl {

    private final boolean present;
    private final List<Mode> switches = new ArrayList<>();
    private Mode mode;

    /** An agent that is {@code present} or not, now in {@code mode}. */
    public RecordingModeControl(boolean present, Mode mode) {
        this.present = present;
        this.mode = mode;
    }

    @Override
    public boolean agentPresent() {
        return present;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public void switchTo(Mode next) {
        switches.add(next);
        mode = next;
    }

    /** Every mode switched to, in order. */
    public List<Mode> switches() {
        return List.copyOf(switches);
    }
}
