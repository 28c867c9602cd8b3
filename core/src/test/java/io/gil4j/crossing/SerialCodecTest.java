package io.gil4j.crossing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.process.Fixtures;
import io.gil4j.process.HostileReadObject;
import io.gil4j.process.InitBombs;
import io.gil4j.process.InitDecoy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialCodecTest {

    private static final ClassLoader LOADER = SerialCodecTest.class.getClassLoader();

    private final SerialCodec codec = new SerialCodec(AllowList.of(List.of(Fixtures.ALLOWED)), SerialLimits.DEFAULTS);

    @TempDir
    Path temp;

    @Test
    void allowed_values_round_trip() {
        Object value =
                List.of(1, "two", new TreeMap<>(Map.of("k", new ArrayList<>(List.of(3L)))), new Fixtures.Counter(4));

        Object back = read(codec, write(value));

        assertEquals(List.of(1, "two", Map.of("k", List.of(3L))), ((List<?>) back).subList(0, 3));
        assertEquals(8, ((Fixtures.Counter) ((List<?>) back).get(3)).scaled(2));
    }

    @Test
    void hostile_read_object_is_rejected_before_any_instance_is_created() throws IOException {
        Path marker = temp.resolve("readObject-ran");
        byte[] payload = plainlySerialized(List.of("harmless", new HostileReadObject(marker)));

        NotShareableException refused = assertThrows(NotShareableException.class, () -> read(codec, payload));

        assertEquals(HostileReadObject.class.getName(), refused.offendingType());
        assertFalse(Files.exists(marker), "readObject ran");
    }

    @Test
    void the_marker_of_the_hostile_payload_does_appear_when_read_without_the_filter() throws Exception {
        Path marker = temp.resolve("readObject-ran");
        byte[] payload = plainlySerialized(new HostileReadObject(marker));

        try (ObjectInputStream unfiltered = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            unfiltered.readObject();
        }

        assertTrue(Files.exists(marker), "the control: without the filter, readObject runs");
    }

    @Test
    void class_not_allowed_is_rejected_before_its_static_initializer_runs() throws IOException {
        byte[] decoy = plainlySerialized(new InitDecoy(7));
        byte[] bomb = replace(decoy, InitDecoy.class.getName(), "io.gil4j.process.InitBombs");

        NotShareableException refused = assertThrows(NotShareableException.class, () -> read(codec, bomb));

        assertEquals("io.gil4j.process.InitBombs", refused.offendingType());
        assertFalse(InitBombs.Ran.CLASSES.contains("io.gil4j.process.InitBombs"), "the static initializer ran");
    }

    @Test
    void writing_a_value_not_allowed_fails_naming_its_type_and_the_glob_to_allow_it() {
        NotShareableException refused =
                assertThrows(NotShareableException.class, () -> write(List.of(new Fixtures.Unlisted())));

        assertEquals(Fixtures.Unlisted.class.getName(), refused.offendingType());
        assertTrue(refused.getMessage().contains("\"io.gil4j.process.**\""), refused.getMessage());
    }

    @Test
    void writing_a_value_not_serializable_fails_naming_its_type() {
        NotShareableException refused =
                assertThrows(NotShareableException.class, () -> write(new Object[] {new Fixtures.Opaque()}));

        assertEquals(Fixtures.Opaque.class.getName(), refused.offendingType());
        assertTrue(refused.getMessage().contains("Serializable"), refused.getMessage());
    }

    @Test
    void nesting_deeper_than_the_limit_is_rejected() {
        List<Object> nested = new ArrayList<>();
        List<Object> innermost = nested;
        for (int i = 0; i < SerialLimits.DEFAULTS.maxDepth(); i++) {
            List<Object> next = new ArrayList<>();
            innermost.add(next);
            innermost = next;
        }
        byte[] deep = write(nested);

        NotShareableException refused = assertThrows(NotShareableException.class, () -> read(codec, deep));

        assertNull(refused.offendingType());
        assertTrue(refused.getMessage().contains("nesting"), refused.getMessage());
    }

    @Test
    void array_longer_than_the_limit_is_rejected() {
        SerialCodec small = new SerialCodec(AllowList.of(List.of()), new SerialLimits(10, 100, 8, 1 << 20));
        byte[] array = write(new int[9]);

        NotShareableException refused = assertThrows(NotShareableException.class, () -> read(small, array));

        assertTrue(refused.getMessage().contains("array longer than 8"), refused.getMessage());
    }

    private byte[] write(Object value) {
        return codec.encode("in a test", out -> out.writeObject(value));
    }

    private static Object read(SerialCodec codec, byte[] bytes) {
        return codec.decode(bytes, LOADER, "in a test", ObjectInputStream::readObject);
    }

    /** Serialized by a stream with no checks, as an attacker would. */
    private static byte[] plainlySerialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(needle.length, replacement.length, "names of the same length");
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                byte[] patched = bytes.clone();
                System.arraycopy(replacement, 0, patched, i, replacement.length);
                return patched;
            }
        }
        throw new AssertionError(from + " not in the stream");
    }
}
