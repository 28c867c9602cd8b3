package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.gil4j.it.app.ChokePointApp;
import io.gil4j.it.lib.LibraryBlocks.Block;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under {@code gil}, a holder that blocks at one of the JDK's choke points, called from a library outside the
 * selection (no call-site stand-in) — a wait, sleep, join, park, future, process, socket accept, blocking
 * channel read or {@code Selector.select} — gives the
 * lock up: a taker that arrives once it is blocked gets in within
 * one switch interval (here 100 ms; the watchdog alone would take longer, and for a wait or a park of a
 * platform thread never steps in before its stall rule), and the holder takes the lock back before it runs
 * instrumented code again (no update of an unsynchronized counter is lost). On every JDK under test, on
 * platform threads and, from Java 21, virtual threads.
 */
class ChokePointIT {

    private static final Pattern OUTCOME =
            Pattern.compile("enteredMs=([0-9.]+) unblocked=true count=(\\d+) expected=(\\d+)");

    static Stream<Arguments> jdksBlocksAndThreads() {
        return ForkedJvm.jdks()
                .flatMap(jdk -> Stream.of(Block.values())
                        .flatMap(block ->
                                Stream.of(Arguments.of(jdk, block, "platform"), Arguments.of(jdk, block, "virtual"))));
    }

    @ParameterizedTest(name = "{1} on {2} threads, {0}")
    @MethodSource("jdksBlocksAndThreads")
    void a_holder_blocked_in_a_library_gives_the_lock_up_within_an_interval_and_takes_it_back(
            Path jdk, Block block, String threads) throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(
                jdk,
                "include=io.gil4j.it.app.**,mode=gil,switch-interval=100ms",
                ChokePointApp.class.getName(),
                block.name(),
                threads);
        assumeFalse(result.stdout().contains("no virtual threads"), "this JDK has no virtual threads");
        Matcher outcome = OUTCOME.matcher(result.stdout());
        assertTrue(outcome.find(), result.toString());
        assertTrue(Double.parseDouble(outcome.group(1)) < 100, "entered after " + outcome.group(1) + " ms: " + result);
        assertEquals(outcome.group(3), outcome.group(2), "lost updates: " + result);
    }
}
