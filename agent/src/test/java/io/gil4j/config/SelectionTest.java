package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static SelectionConfig config(String argument) throws ConfigException {
        return Config.load(argument, Map.of(), Map.of()).selection();
    }

    @Test
    void include_globs_when_given_win_over_the_default() throws Exception {
        Selection selection = Selection.of(config("include=**,exclude=com.acme.Gen*"), "com.acme.Main");
        assertEquals("[**]", selection.include().toString());
        assertEquals("** minus com.acme.Gen* (include)", selection.toString());
    }

    @Test
    void default_is_the_main_class_package_tree_and_the_offload_patterns_packages() throws Exception {
        Selection selection = Selection.of(
                config("offload=org.lib.Pricing#quote,org.other.**#run*,**#any,@com.acme.CpuBound"),
                "com.acme.app.Main");
        assertEquals(
                "[com.acme.app.**, org.lib.**, org.other.**]",
                selection.include().toString());
    }

    @Test
    void a_main_class_in_the_unnamed_package_selects_that_package_alone() throws Exception {
        assertEquals("[*]", Selection.of(config(""), "Main").include().toString());
    }

    @Test
    void without_a_main_class_the_default_selects_nothing_and_says_how_to_select() throws Exception {
        Selection selection = Selection.of(config(""), null);
        assertTrue(selection.include().isEmpty());
        assertTrue(
                selection.toString().startsWith("nothing (default, but no main class was found: set include="),
                selection.toString());
    }
}
