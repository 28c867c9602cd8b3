package io.gil4j.control;

import io.gil4j.advice.Advisor;
import io.gil4j.api.Mode;
import io.gil4j.config.Config;
import io.gil4j.config.MarkPattern;
import io.gil4j.config.Selection;
import io.gil4j.dispatch.Dispatcher;
import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import io.gil4j.log.AgentFailures;
import io.gil4j.mode.LockCode;
import io.gil4j.mode.ModeController;
import io.gil4j.mode.Rerouting;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** An {@link AgentStatus} over a real lock, dispatcher and mode controller, starting in {@code native}. */
final class ControlFixture {

    final InterpreterLock lock = new InterpreterLock(
            Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.OFF);
    final ModeController modes;
    final AgentStatus agent;
    /** The method patterns marked live through the advisor. */
    final AtomicReference<List<MarkPattern>> marks = new AtomicReference<>(List.of());

    /** The runtime failures the status reports; a test sets it. */
    final AtomicLong runtimeFailures = new AtomicLong();

    ControlFixture() {
        this(LockCode.ALWAYS);
    }

    /** A fixture whose switches into the modes with a lock call {@code lockCode}. */
    ControlFixture(LockCode lockCode) {
        modes = new ModeController(lock, Rerouting.INLINE, lockCode, Mode.NATIVE);
        modes.activate();
        agent = new AgentStatus(
                modes,
                lock,
                new Dispatcher(
                        Config.defaults().pools(),
                        Config.defaults().processes(),
                        Selection.of(Config.defaults().selection()),
                        l -> {}),
                null,
                null,
                Map::of,
                new Advisor(
                        null,
                        null,
                        patterns -> {
                            marks.set(patterns);
                            return patterns.size() + " patterns";
                        },
                        marks::get),
                new AgentFailures(runtimeFailures::get, () -> 0));
    }
}
