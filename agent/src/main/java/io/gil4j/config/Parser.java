package io.gil4j.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an {@link Option}'s text becomes its typed value, and the words that say what it accepts. Error
 * messages, {@code --help} and the README's table all print {@link #accepted()}, so a bound is written
 * once, here, where it is checked.
 *
 * @param accepted what the parser accepts, in words
 * @param function the parse; throws {@link IllegalArgumentException} for text it does not accept (a
 *     {@link NumberFormatException} is one)
 */
record Parser<T>(String accepted, Function<String, T> function) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|µs|ms|s)");

    /** The value of {@code text}, trimmed. @throws IllegalArgumentException if it is not accepted */
    T parse(String text) {
        return function.apply(text.trim());
    }

    /** This parser, except that empty text means {@code value}, described as {@code meaning}. */
    Parser<T> orIfEmpty(String meaning, java.util.function.Supplier<T> value) {
        return new Parser<>(accepted + " (empty: " + meaning + ")", text -> text.isEmpty() ? value.get() : parse(text));
    }

    /** This parser, except that {@code word} (in any case) means {@code value}. */
    Parser<T> or(String word, T value) {
        return new Parser<>(accepted + ", or " + word, text -> text.equalsIgnoreCase(word) ? value : parse(text));
    }

    /** Whole numbers from {@code min} to {@code max}. */
    static Parser<Integer> wholeNumber(int min, int max) {
        return new Parser<>("a whole number from " + min + " to " + max, text -> {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new IllegalArgumentException();
            }
            return n;
        });
    }

    /** The constants of an enum, each spelled in lower case with dashes for underscores ({@code caller-runs}). */
    static <E extends Enum<E>> Parser<E> oneOf(E[] constants) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E constant : constants) {
            byName.put(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'), constant);
        }
        return choice(byName);
    }

    /** {@code off} or {@code on}, in any case: false or true. */
    static Parser<Boolean> flag(String off, String on) {
        Map<String, Boolean> byName = new LinkedHashMap<>();
        byName.put(off, false);
        byName.put(on, true);
        return choice(byName);
    }

    private static <T> Parser<T> choice(Map<String, T> byName) {
        return new Parser<>(String.join(", ", byName.keySet()), text -> {
            T value = byName.get(text.toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }

    /** Durations such as {@code 5ms}, {@code 500us}, {@code 2s}, from {@code minNanos} to {@code maxNanos}, in nanoseconds. */
    static Parser<Long> durationNanos(long minNanos, long maxNanos) {
        String accepted = "a duration from " + shown(minNanos) + " to " + shown(maxNanos) + " (ns, us, ms or s)";
        return new Parser<>(accepted, text -> {
            Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            long nanos = unit(m.group(2)).toNanos(Long.parseLong(m.group(1)));
            if (nanos < minNanos || nanos > maxNanos) {
                throw new IllegalArgumentException();
            }
            return nanos;
        });
    }

    private static TimeUnit unit(String symbol) {
        switch (symbol) {
            case "ns":
                return TimeUnit.NANOSECONDS;
            case "us":
            case "µs":
                return TimeUnit.MICROSECONDS;
            case "ms":
                return TimeUnit.MILLISECONDS;
            default:
                return TimeUnit.SECONDS;
        }
    }

    private static String shown(long nanos) {
        TimeUnit[] units = {TimeUnit.SECONDS, TimeUnit.MILLISECONDS, TimeUnit.MICROSECONDS};
        String[] symbols = {"s", "ms", "us"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i].toNanos(1) == 0) {
                return units[i].convert(nanos, TimeUnit.NANOSECONDS) + symbols[i];
            }
        }
        return nanos + "ns";
    }

    /** Comma-separated items, each parsed by {@code item}; blank items are skipped. */
    static <T> Parser<List<T>> list(String accepted, Function<String, T> item) {
        return new Parser<>(accepted, text -> {
            List<T> items = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(item.apply(part.trim()));
                }
            }
            return Collections.unmodifiableList(items);
        });
    }

    /** Text, at least {@code minLength} characters long, whose every character is {@code allowed}. */
    static Parser<String> text(String accepted, int minLength, IntPredicate allowed) {
        return new Parser<>(accepted, text -> {
            if (text.length() < minLength || !text.chars().allMatch(allowed)) {
                throw new IllegalArgumentException();
            }
            return text;
        });
    }
}
