package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.control.Json;
import io.gil4j.it.app.AdviseApp;
import io.gil4j.testing.ForkedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code advise} against a service of known shares ({@link AdviseApp}) in {@code gil} under its own load:
 * the three methods come out in the order of their shares, each within five points of what the service
 * measured itself; the method too short for a hand-over is flagged, and so is the loop that never returns;
 * {@code --verify} runs its experiment on the first recommendation, which rerouting makes faster, and
 * {@code --scaling} measures its calls with one and two workers and fits the scalability law. (How close
 * the prediction comes is a figure of {@code docs/advise.md}, measured by {@code benchmarks/advise_accuracy.py},
 * not asserted here.)
 */
class AdviseIT {

    private static final String APP = AdviseApp.class.getName();
    private static final double POINTS = 0.05;

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void ranks_methods_by_their_share_of_the_lock_flags_the_one_too_short_and_verifies_the_first(Path jdk)
            throws Exception {
        ForkedProcess.Result run = ForkedJvm.run(
                jdk,
                Map.of(),
                Duration.ofSeconds(120),
                "mode=gil,control.port=0,hold.sample-rate=100,workers=2,include=io.gil4j.it.app.AdviseApp",
                APP,
                ForkedJvm.AGENT_JAR.toAbsolutePath().toString(),
                "--duration",
                "10s",
                "--measure",
                "4s",
                "--top",
                "8",
                "--format",
                "json",
                "--verify",
                "--scaling",
                "--dwell",
                "3",
                "--warmup",
                "1",
                "--rounds",
                "2");
        List<String> lines = run.stdoutLines();
        assertTrue(lines.contains("advise-exit 0"), run.toString());
        Map<String, Double> truth = new HashMap<>();
        for (String part : line(lines, "truth ").split(" ")) {
            truth.put(part.substring(0, part.indexOf('=')), Double.parseDouble(part.substring(part.indexOf('=') + 1)));
        }
        Map<String, Object> advice = Json.parseObject(line(lines, "advise "));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Object row : (List<?>) advice.get("candidates")) {
            Map<String, Object> candidate = object(row);
            rows.put(((String) candidate.get("method")).replace(APP + "#", ""), candidate);
        }
        assertTrue(rank(rows, "price") < rank(rows, "tax") && rank(rows, "tax") < rank(rows, "round"), run.toString());
        for (String method : List.of("price", "tax", "round")) {
            double share = ((Number) rows.get(method).get("holdShare")).doubleValue();
            assertEquals(truth.get(method), share, POINTS, method + ": " + run);
        }
        assertFalse((Boolean) row(rows, "cent", run).get("recommended"), run.toString());
        assertTrue(((String) row(rows, "cent", run).get("verdict")).startsWith("too short"), run.toString());
        assertFalse((Boolean) row(rows, "serve", run).get("recommended"), "a loop that never returns: " + run);
        String recommended = (String) advice.get("recommended");
        assertTrue(recommended != null && !recommended.endsWith("#serve"), run.toString());
        Map<String, Object> verification = object(advice.get("verification"));
        assertEquals("done", verification.get("state"), run.toString());
        assertEquals(recommended, verification.get("offload"));
        assertTrue(((Number) verification.get("measured")).doubleValue() > 1.2, "rerouted, it runs faster: " + run);
        Map<String, Object> scaling = object(advice.get("scaling"));
        List<?> speedups = (List<?>) scaling.get("speedups");
        assertEquals(2, speedups.size(), run.toString());
        assertEquals(1.0, ((Number) speedups.get(0)).doubleValue(), 1e-9);
        assertTrue(((Number) speedups.get(1)).doubleValue() > 1.2, "two workers run more calls than one: " + run);
        assertEquals(false, scaling.get("coherencyFitted"), "two worker counts fit contention only");
        double contention = ((Number) scaling.get("contention")).doubleValue();
        assertEquals(
                1 / (1 + contention * 63),
                ((Number) object(scaling.get("predicted")).get("64")).doubleValue() / 64,
                1e-9,
                "the law's prediction on 64 cores: " + scaling);
    }

    private static Map<String, Object> row(Map<String, Map<String, Object>> rows, String method, Object run) {
        assertTrue(rows.containsKey(method), method + " not among " + rows.keySet() + ": " + run);
        return rows.get(method);
    }

    private static int rank(Map<String, Map<String, Object>> rows, String method) {
        assertTrue(rows.containsKey(method), method + " not among " + rows.keySet());
        return ((Number) rows.get(method).get("rank")).intValue();
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
