package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TypeSelectionTest {

    @Test
    void every_package_of_the_agent_and_its_core_is_never_instrumented() throws IOException {
        for (String module : List.of(
                "src/main/java/io/gil4j",
                "../core/src/main/java/io/gil4j",
                "../bootstrap/src/main/java/io/gil4j",
                "../api/src/main/java/io/gil4j")) {
            try (Stream<Path> packages = Files.list(Paths.get(module))) {
                for (Path pkg : packages.filter(Files::isDirectory).collect(Collectors.toList())) {
                    String prefix = "io.gil4j." + pkg.getFileName() + ".";
                    assertTrue(
                            TypeSelection.IGNORED_PREFIXES.contains(prefix),
                            prefix + " is gil4j's own code, which must never get the lock's code");
                }
            }
        }
    }
}
