package io.gil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.it.app.FilesApp;
import io.gil4j.testing.ForkedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent leaves on disk, in a JVM whose {@code java.io.tmpdir} is a fresh directory: each file is
 * {@code rw-------} in a directory that is {@code rwx------}, and nothing is left after exit; what a halted
 * JVM leaves is deleted by the next agent.
 */
class AgentFilesIT {

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void every_file_the_agent_writes_is_private_and_gone_after_exit(Path jdk, @TempDir Path temp) throws Exception {
        ForkedProcess.Result result = run(jdk, temp, "");
        List<String> listed = result.stdoutLines();
        assertTrue(listed.stream().anyMatch(l -> l.matches(".*/\\d+\\.control rw-------")), result.toString());
        assertTrue(listed.stream().anyMatch(l -> l.matches(".*/\\d+\\.bootstrap\\.jar rw-------")), result.toString());
        for (String line : listed) {
            Path path = temp.resolve(line.substring(0, line.lastIndexOf(' ')));
            String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
            assertTrue(line.endsWith(" " + expected), line + "\n" + result);
        }
        assertEquals(List.of(), filesIn(temp), "left after exit");
    }

    @ParameterizedTest
    @MethodSource(ForkedJvm.JDKS)
    void what_a_halted_jvm_leaves_is_swept_by_the_next_agent(Path jdk, @TempDir Path temp) throws Exception {
        run(jdk, temp, "halt");
        assertEquals(
                2, filesIn(temp).size(), "the control file and the bootstrap jar of the halted JVM: " + filesIn(temp));
        run(jdk, temp, "");
        assertEquals(List.of(), filesIn(temp), "left after the next agent's JVM exited");
    }

    private static ForkedProcess.Result run(Path jdk, Path temp, String how) throws Exception {
        ForkedProcess.Result result = ForkedJvm.run(
                jdk,
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temp),
                Duration.ofSeconds(60),
                "control.port=0",
                FilesApp.class.getName(),
                how);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.agentLines().isEmpty(), result.toString());
        return result;
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }
}
