package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void write_then_parse_gives_back_the_object() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("mode", "gil \"quoted\" \\ \n\u0001 é");
        object.put("n", 1.5);
        object.put("ok", true);
        object.put("none", null);
        object.put("list", List.of(1.0, "a", Map.of("k", false)));
        assertEquals(object, Json.parseObject(Json.write(object)));
    }

    @Test
    void non_finite_numbers_are_written_as_null() {
        assertEquals("{\"x\":null}", Json.write(Map.of("x", Double.NaN)));
    }

    @Test
    void anything_but_one_json_object_is_refused_with_where() {
        for (String text : List.of(
                "",
                " ",
                "[]",
                "\"x\"",
                "{",
                "{\"a\"}",
                "{\"a\":}",
                "{\"a\":1,}",
                "{a:1}",
                "{\"a\":01x}",
                "{\"a\":1} {}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":1e999}",
                "{\"a\":\"unterminated",
                "{\"a\":1,\"a\":2}",
                "{\"a\":tru}",
                "{\"a\":\"\u0001\"}")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Json.parseObject(text), text);
            assertEquals(true, e.getMessage().startsWith("invalid JSON at character "), e.getMessage());
        }
    }

    @Test
    void deep_nesting_is_refused_without_overflowing_the_stack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(deep));
    }

    @Test
    void random_text_is_parsed_or_refused_never_anything_else() {
        Random random = new Random(7);
        String alphabet = "{}[]\":,\\ u0123456789abcdefnulltrue-+.eE\u00e9\ud800";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Json.parseObject(text.toString());
            } catch (IllegalArgumentException expected) {
                // refused: fine
            }
        }
    }
}
