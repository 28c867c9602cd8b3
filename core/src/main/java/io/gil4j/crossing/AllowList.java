package io.gil4j.crossing;

import io.gil4j.glob.ClassGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which classes may cross between the caller and a worker process, checked on both sides of the channel:
 * when writing (so the caller fails before sending) and when reading (so nothing else is instantiated).
 *
 * <p>Always allowed: primitives; the boxed types, {@code String}, {@code Number}, {@code Enum} and {@code
 * StackTraceElement} of {@code java.lang}; {@code java.math.*}; {@code java.time.**}; enums and {@code
 * Throwable}s under {@code java.}; the common {@code java.util} collections (array and linked lists, hash,
 * linked and tree maps and sets, {@code ArrayDeque}, {@code Arrays.asList}, the unmodifiable, empty and
 * singleton forms of {@code Collections}, and the {@code List.of}/{@code Set.of}/{@code Map.of} forms with
 * their serial proxy {@code CollSer}); {@link NotShareableException}; arrays of any of these, and {@code
 * Object[]}. Everything else only by a caller-given class-name glob: {@code *} matches within one segment of
 * a name ({@code com.acme.*} matches {@code com.acme.Point} and {@code com.acme.Line$Part}, not {@code
 * com.acme.geo.Point}), {@code **} matches across segments, anything else matches exactly.
 *
 * <p>Immutable and thread-safe. The decision is taken on the loaded but uninitialised {@code Class}, so no
 * static initializer of a rejected class runs.
 */
public final class AllowList {

    private static final Pattern GLOB = Pattern.compile("[\\p{javaJavaIdentifierPart}.$*]+");

    private static final Set<String> BUILT_IN_EXACT = Set.of(
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Character",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Number",
            "java.lang.String",
            "java.lang.Enum",
            "java.lang.StackTraceElement",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.ArrayDeque",
            "java.util.Arrays$ArrayList",
            "java.util.CollSer",
            NotShareableException.class.getName());

    private static final Pattern BUILT_IN_GLOBS = compile(List.of(
            "java.math.*",
            "java.time.**",
            "java.util.ImmutableCollections$*",
            "java.util.Collections$Unmodifiable*",
            "java.util.Collections$Empty*",
            "java.util.Collections$Singleton*"));

    private final List<String> globs;
    private final Pattern userGlobs;

    private AllowList(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.userGlobs = compile(this.globs);
    }

    /**
     * The built-in classes plus those matching {@code globs}.
     *
     * @throws IllegalArgumentException if a glob is empty or has a character that cannot occur in a class
     *     name other than {@code *}
     */
    public static AllowList of(List<String> globs) {
        for (String glob : globs) {
            if (!GLOB.matcher(glob).matches()) {
                throw new IllegalArgumentException("not a class-name glob: \"" + glob + "\"");
            }
        }
        return new AllowList(globs);
    }

    /** The caller-given globs, in order. */
    public List<String> globs() {
        return globs;
    }

    /** Whether instances of {@code type} (for an array: of its element type) may cross. */
    public boolean allows(Class<?> type) {
        Class<?> element = elementType(type);
        if (element.isPrimitive() || (type.isArray() && element == Object.class)) {
            return true;
        }
        String name = element.getName();
        if (BUILT_IN_EXACT.contains(name) || BUILT_IN_GLOBS.matcher(name).matches()) {
            return true;
        }
        if (name.startsWith("java.") && (element.isEnum() || Throwable.class.isAssignableFrom(element))) {
            return true;
        }
        return userGlobs.matcher(name).matches();
    }

    /** {@code type} without its array dimensions. */
    static Class<?> elementType(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element;
    }

    /** The globs as one string, for a worker's environment; {@link #parse} reverses it. */
    public String encode() {
        return String.join(",", globs);
    }

    /** The allow list {@link #encode} wrote. */
    public static AllowList parse(String encoded) {
        List<String> globs = new ArrayList<>();
        for (String glob : encoded.split(",")) {
            if (!glob.isBlank()) {
                globs.add(glob.strip());
            }
        }
        return of(globs);
    }

    private static Pattern compile(List<String> globs) {
        String regex = globs.stream().map(g -> ClassGlob.of(g).regex()).collect(Collectors.joining("|"));
        return Pattern.compile(regex.isEmpty() ? "(?!)" : regex);
    }
}
