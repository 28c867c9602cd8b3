package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.ModeSwitchSoakApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No call lost or run twice while the mode changes under load: 16 threads × 10⁵ marked calls with unique
 * ids while the mode cycles through native, gil, sequential, interpreters and processes every 10 ms.
 * Every JVM that runs a call (the application, each worker process) logs its id; each id must appear
 * exactly once, and each caller must get its own result.
 */
class ModeSwitchSoakIT {

    private static final int THREADS = 16;
    private static final int CALLS = Integer.getInteger("gil4j.test.soak.calls", 100_000);

    @Test
    void mode_cycling_every_10ms_loses_and_repeats_no_call(@TempDir Path logs) throws Exception {
        Path jdk = Paths.get(System.getProperty("java.home"));
        ForkedProcess.Result result = ForkedJvm.run(
                jdk,
                Map.of("SOAK_DIR", logs.toString()),
                Duration.ofMinutes(10),
                "include=io.gil4j.it.app.**,workers=2",
                ModeSwitchSoakApp.class.getName(),
                String.valueOf(THREADS),
                String.valueOf(CALLS));
        assertEquals(0, result.exitCode(), result.toString());
        Matcher summary = Pattern.compile("calls=(\\d+) wrong=(\\d+) failed=(\\d+) switches=(\\d+)")
                .matcher(result.stdout());
        assertTrue(summary.find(), result.toString());
        assertEquals("0", summary.group(2), "calls with a wrong result\n" + result);
        assertEquals("0", summary.group(3), "calls that failed\n" + result);
        assertTrue(Integer.parseInt(summary.group(4)) >= 5 * 5, "the mode must cycle, " + result);

        long total = (long) THREADS * CALLS;
        BitSet seen = new BitSet();
        long runs = 0;
        long repeats = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(logs)) {
            files = listing.collect(Collectors.toList());
        }
        for (Path file : files) {
            ByteBuffer ids = ByteBuffer.wrap(Files.readAllBytes(file));
            while (ids.remaining() >= Long.BYTES) {
                int id = Math.toIntExact(ids.getLong());
                runs++;
                if (seen.get(id)) {
                    repeats++;
                }
                seen.set(id);
            }
        }
        assertTrue(files.size() >= 2, "calls must have run in worker processes too: " + files);
        assertEquals(0, repeats, "calls run twice");
        assertEquals(total, seen.cardinality(), "calls lost");
        assertEquals(total, runs);
    }
}
