package io.gil4j.glob;

import java.util.regex.Pattern;

/**
 * A class-name pattern: {@code *} matches within one package segment, {@code **} across packages. So
 * {@code com.acme.*} matches the classes of {@code com.acme} (nested ones included), {@code com.acme.**}
 * also those of its sub-packages, and {@code com.acme.*Service} the classes whose simple name ends so.
 */
public final class ClassGlob {

    private final String glob;
    private final Pattern pattern;

    private ClassGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * The glob written as {@code glob}.
     *
     * @throws IllegalArgumentException if {@code glob} is empty or holds characters no class name has
     */
    public static ClassGlob of(String glob) {
        if (glob.isEmpty() || !glob.matches("[\\p{javaJavaIdentifierPart}.*$]+")) {
            throw new IllegalArgumentException("not a class glob: '" + glob + "'");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new ClassGlob(glob, Pattern.compile(regex.toString()));
    }

    /** The regular expression this glob stands for, to combine with others. */
    public String regex() {
        return pattern.pattern();
    }

    /** True if the binary class name ({@code com.acme.Outer$Inner}) matches. */
    public boolean matches(String className) {
        return pattern.matcher(className).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
