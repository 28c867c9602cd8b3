package io.gil4j.demo.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * A fixed set of values that the command line names by label, such as {@code primes} for
 * {@link io.gil4j.demo.workload.WorkloadKind#PRIMES}. One subclass per set serves an option as both its
 * {@code converter} and its {@code completionCandidates}, so the help, the shell completion and the error for
 * a wrong label list the same labels in the same order.
 *
 * <p>Labels match after trimming and without regard to case. Instances are immutable.
 *
 * @param <T> the type of the values
 */
public abstract class Choice<T> implements ITypeConverter<T>, Iterable<String> {

    private final Function<T, String> label;
    private final Map<String, T> byLabel = new LinkedHashMap<>();

    /** The choice among {@code values}, each named by {@code label} (lower case), listed in this order. */
    @SafeVarargs
    protected Choice(Function<T, String> label, T... values) {
        this.label = label;
        for (T value : values) {
            byLabel.put(label.apply(value), value);
        }
    }

    /**
     * The value named {@code text}.
     *
     * @throws TypeConversionException if no value has that label; the message lists the labels
     */
    @Override
    public T convert(String text) {
        T value = byLabel.get(text.trim().toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new TypeConversionException(
                    "expected one of " + String.join(", ", byLabel.keySet()) + " but was '" + text.trim() + "'");
        }
        return value;
    }

    /** The labels, in order: picocli's completion candidates. */
    @Override
    public Iterator<String> iterator() {
        return byLabel.keySet().iterator();
    }

    /**
     * {@code values}, checked to name no value twice: for a comma-separated list option.
     *
     * @param spec the command whose option it is, for the error
     * @param option the option's name, such as {@code --modes}
     * @throws ParameterException naming the option and the repeated label
     */
    public List<T> distinct(CommandSpec spec, String option, List<T> values) {
        List<T> seen = new ArrayList<>();
        for (T value : values) {
            if (seen.contains(value)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '" + option + "': '" + label.apply(value) + "' given twice");
            }
            seen.add(value);
        }
        return List.copyOf(seen);
    }
}
