package io.gil4j.demo.serve;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.ModeControl;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Switches through modes in a loop, one dwell each, on a daemon thread, announcing each switch: what a
 * staging team does by hand when it A/B-toggles, so that dashboards show every mode with no one at the
 * keyboard.
 */
final class ModeCycler {

    private ModeCycler() {}

    /** Starts cycling through {@code modes} (not empty), from the first, until the JVM exits. */
    static Thread start(ModeControl control, List<Mode> modes, Duration dwell, Consumer<String> log) {
        Thread thread = new Thread(
                () -> {
                    try {
                        for (int i = 0; ; i = (i + 1) % modes.size()) {
                            control.switchTo(modes.get(i));
                            log.accept("serve: mode " + modes.get(i).configName() + " for " + dwell.toSeconds() + " s");
                            Thread.sleep(dwell.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // stopped: the mode stays as it is
                    }
                },
                "serve-mode-cycle");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
