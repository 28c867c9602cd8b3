package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class OptionTableTest {

    private static final String BEGIN =
            "<!-- options: generated from Option by OptionTable.markdown(); OptionTableTest checks it -->\n";
    private static final String END = "<!-- options end -->";

    @Test
    void readme_table_is_the_one_the_definitions_print() throws Exception {
        Path readme = Paths.get("..", "README.md");
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no generated options table between its markers");
        assertEquals(
                OptionTable.markdown(),
                text.substring(begin + BEGIN.length(), end),
                "README.md's options table is stale: replace it with the expected text");
    }

    @Test
    void help_names_every_key_with_its_default_and_accepted_values() {
        String help = OptionTable.text();
        for (Option<?> option : Option.all()) {
            assertTrue(help.contains("  " + option.key() + " (default "), option.key());
            assertTrue(help.replace("\n      ", " ").contains(option.accepted().replace("`", "")), option.key());
        }
        assertTrue(help.lines().allMatch(line -> line.length() <= 100), help);
    }
}
