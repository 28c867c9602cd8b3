package io.gil4j.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import io.gil4j.gil.Algorithm;
import io.gil4j.gil.ClearanceListener;
import io.gil4j.gil.HoldTiming;
import io.gil4j.gil.InterpreterLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModeControllerTest {

    private final InterpreterLock lock = new InterpreterLock(
            Algorithm.NEW, TimeUnit.MILLISECONDS.toNanos(5), 100, ClearanceListener.IGNORE, HoldTiming.SAMPLED);

    @Test
    void a_controller_publishes_nothing_before_it_is_activated() {
        List<Boolean> published = new ArrayList<>();
        InterpreterLock watched = new InterpreterLock(
                Algorithm.NEW,
                TimeUnit.MILLISECONDS.toNanos(5),
                100,
                (inForce, holder) -> published.add(inForce),
                HoldTiming.OFF);
        published.clear(); // what the lock said about itself when it was made
        ModeController controller = new ModeController(watched, Rerouting.INLINE, LockCode.ALWAYS, Mode.NATIVE);
        assertEquals(List.of(), published, "an agent that loses the install must leave the clearance alone");
        assertEquals(null, controller.current());
        controller.activate();
        assertEquals(List.of(false), published);
        assertEquals(Mode.NATIVE, controller.current());
    }

    @Test
    void native_mode_takes_no_lock_at_a_check_point() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.NATIVE);
        controller.activate();
        controller.checkpoint();
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void gil_mode_takes_the_lock_at_a_check_point_and_keeps_it_at_the_next() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        controller.checkpoint();
        assertTrue(lock.isHeldByCurrentThread());
        controller.checkpoint();
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(1, lock.stats().acquisitions());
    }

    @Test
    void a_switch_to_native_frees_the_lock_its_holder_kept() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        controller.checkpoint();
        controller.switchTo(Mode.NATIVE);
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void blocking_call_releases_and_retakes_the_lock() throws Exception {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        controller.checkpoint();
        assertTrue(controller.beforeBlocking());
        assertTrue(
                CompletableFuture.supplyAsync(() -> {
                            boolean taken = lock.acquire();
                            lock.release(io.gil4j.gil.SwitchReason.EXIT);
                            return taken;
                        })
                        .get(5, TimeUnit.SECONDS),
                "another thread could not take the lock during the blocking call");
        controller.afterBlocking();
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(1, lock.stats().blockingSwitches());
    }

    @Test
    void a_blocking_call_whose_callee_took_the_lock_back_at_a_check_point_returns_holding_it() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        controller.checkpoint();
        assertTrue(controller.beforeBlocking());
        controller.checkpoint(); // instrumented code inside the blocking call
        controller.afterBlocking();
        assertTrue(lock.isHeldByCurrentThread());
        assertEquals(2, lock.stats().acquisitions());
    }

    @Test
    void a_rerouted_call_that_ran_is_delivered_even_if_taking_the_lock_back_fails() {
        AtomicBoolean failTakes = new AtomicBoolean();
        InterpreterLock failing = new InterpreterLock(
                Algorithm.NEW,
                TimeUnit.MILLISECONDS.toNanos(5),
                100,
                (inForce, holder) -> {
                    if (failTakes.get() && holder == Thread.currentThread()) {
                        throw new IllegalStateException("injected: the take's publication failed");
                    }
                },
                HoldTiming.OFF);
        AtomicInteger runs = new AtomicInteger();
        Rerouting once = (mode, type, method, receiver, arguments) ->
                Offloaded.returned(mode.configName(), runs.incrementAndGet());
        ModeController controller = new ModeController(failing, once, LockCode.ALWAYS, Mode.INTERPRETERS);
        controller.activate();
        controller.checkpoint();
        long failuresBefore = Hooks.failures();
        failTakes.set(true);

        Offloaded delivered = controller.offload(String.class, "length", "text", new Object[0]);

        assertEquals(1, delivered.value(), "the call ran once on its route and its outcome must reach the caller");
        assertEquals(1, runs.get());
        assertTrue(Hooks.failures() > failuresBefore, "the failed take is counted");
    }

    @Test
    void switching_to_native_disables_the_lock_and_back_enables_it() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        controller.switchMode("native");
        assertEquals("native", controller.mode());
        assertFalse(lock.isEnabled());
        controller.switchMode("gil");
        assertEquals(Mode.GIL, controller.current());
        assertTrue(lock.isEnabled());
    }

    @Test
    void unknown_mode_is_rejected_with_the_accepted_names_and_the_mode_is_kept() {
        ModeController controller = new ModeController(lock, Rerouting.INLINE, LockCode.ALWAYS, Mode.GIL);
        controller.activate();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> controller.switchMode("x"));
        assertEquals(
                "unknown mode 'x': accepted values are native, gil, sequential, interpreters, processes",
                e.getMessage());
        assertEquals(Mode.GIL, controller.current());
    }

    @Test
    void lock_code_goes_in_before_the_lock_engages_and_out_after_it_disengages() {
        List<String> seen = new ArrayList<>();
        LockCode recording =
                needed -> seen.add((needed ? "in" : "out") + ", lock " + (lock.isEnabled() ? "on" : "off"));
        ModeController controller = new ModeController(lock, Rerouting.INLINE, recording, Mode.NATIVE);
        controller.activate();
        controller.switchTo(Mode.GIL);
        controller.switchTo(Mode.INTERPRETERS);
        controller.switchTo(Mode.SEQUENTIAL);
        assertEquals(List.of("out, lock off", "in, lock off", "in, lock on", "out, lock off"), seen);
    }
}
