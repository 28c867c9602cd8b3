package io.gil4j.demo.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The demo's typed option values that picocli has no converter for. Each converter rejects a bad value with
 * a {@link TypeConversionException} whose message states the accepted form; picocli prefixes it with the
 * option's name.
 */
public final class Converters {

    private Converters() {}

    /** An integer of at least 1, such as a number of tasks or threads. */
    public static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return wholeNumber(text, 1, Integer.MAX_VALUE, "a positive integer");
        }
    }

    /** A TCP port, 0 (any free one) to 65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return wholeNumber(text, 0, 65_535, "a port from 0 to 65535");
        }
    }

    /** A positive duration: a number of seconds with an optional unit, {@code 3}, {@code 1.5s} or {@code 500ms}. */
    public static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String raw) {
            String text = raw.trim().toLowerCase(Locale.ROOT);
            double nanosPerUnit = 1e9;
            if (text.endsWith("ms")) {
                text = text.substring(0, text.length() - 2);
                nanosPerUnit = 1e6;
            } else if (text.endsWith("s")) {
                text = text.substring(0, text.length() - 1);
            }
            try {
                double amount = Double.parseDouble(text);
                if (amount > 0 && amount * nanosPerUnit <= Long.MAX_VALUE && Character.isDigit(text.charAt(0))) {
                    return Duration.ofNanos(Math.round(amount * nanosPerUnit));
                }
            } catch (NumberFormatException | IndexOutOfBoundsException notANumber) {
                // reported below with the accepted form
            }
            throw new TypeConversionException(
                    "must be a positive duration such as 3s, 1.5s or 500ms, got '" + raw + "'");
        }
    }

    private static int wholeNumber(String text, int min, int max, String what) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted form
        }
        throw new TypeConversionException("must be " + what + ", got '" + text + "'");
    }
}
