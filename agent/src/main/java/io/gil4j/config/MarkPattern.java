package io.gil4j.config;

import io.gil4j.glob.ClassGlob;
import java.util.regex.Pattern;

/**
 * One entry of {@code gil4j.offload}: which methods are marked for rerouting. Either methods by name,
 * {@code <class glob>#<method glob>} ({@code com.acme.Pricing#quote}, {@code com.acme.Pricing#*},
 * {@code com.acme.**#price*}; {@code *} in a method glob matches any run of characters), or every method
 * carrying an annotation, {@code @<annotation class name>} ({@code @com.acme.CpuBound}).
 */
public final class MarkPattern {

    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}.$]+");
    private static final Pattern METHOD_GLOB = Pattern.compile("[\\p{javaJavaIdentifierPart}$*]+");

    private final String text;
    private final String annotation;
    private final ClassGlob classGlob;
    private final Pattern methodName;

    private MarkPattern(String text, String annotation, ClassGlob classGlob, Pattern methodName) {
        this.text = text;
        this.annotation = annotation;
        this.classGlob = classGlob;
        this.methodName = methodName;
    }

    /**
     * The pattern written as {@code text}.
     *
     * @throws IllegalArgumentException if {@code text} is neither {@code @name} nor {@code glob#glob}
     */
    public static MarkPattern of(String text) {
        if (text.startsWith("@")) {
            String name = text.substring(1);
            if (!JAVA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an annotation name: '" + text + "'");
            }
            return new MarkPattern(text, name, null, null);
        }
        int hash = text.indexOf('#');
        if (hash <= 0
                || hash != text.lastIndexOf('#')
                || !METHOD_GLOB.matcher(text.substring(hash + 1)).matches()) {
            throw new IllegalArgumentException("not a method pattern: '" + text + "'");
        }
        return new MarkPattern(
                text,
                null,
                ClassGlob.of(text.substring(0, hash)),
                Pattern.compile(globToRegex(text.substring(hash + 1))));
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            regex.append(Pattern.quote(glob.substring(start, star))).append(".*");
            start = star + 1;
        }
        return regex.append(Pattern.quote(glob.substring(start))).toString();
    }

    /** The annotation's class name for an {@code @name} pattern, null for a method pattern. */
    public String annotation() {
        return annotation;
    }

    /**
     * The package a method pattern's class glob lies in, up to its first wildcard ({@code com.acme} for
     * {@code com.acme.Pricing#quote} and {@code com.acme.**#price*}); null for an annotation or a glob that
     * starts with a wildcard.
     */
    public String packagePrefix() {
        if (classGlob == null) {
            return null;
        }
        String glob = classGlob.toString();
        int star = glob.indexOf('*');
        String fixed = star < 0 ? glob : glob.substring(0, star);
        int dot = fixed.lastIndexOf('.');
        return dot <= 0 ? null : fixed.substring(0, dot);
    }

    /** True if this is a method pattern whose class glob matches {@code className}. */
    public boolean selectsClass(String className) {
        return classGlob != null && classGlob.matches(className);
    }

    /** True if this method pattern selects method {@code methodName} of class {@code className}. */
    public boolean matches(String className, String methodName) {
        return selectsClass(className) && this.methodName.matcher(methodName).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
