package io.gil4j.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The options as documentation: the README's Markdown table and {@code --help}'s plain text, both printed
 * from the {@link Option} definitions, so that neither can drift from what the agent accepts.
 */
public final class OptionTable {

    private static final int HELP_WIDTH = 100;
    private static final String HELP_INDENT = "      ";

    private OptionTable() {}

    /** The README's table: key, default, accepted values and purpose of every option. */
    public static String markdown() {
        StringBuilder out = new StringBuilder("| key | default | accepted | what it does |\n|---|---|---|---|\n");
        for (Option<?> option : Option.all()) {
            out.append("| `")
                    .append(option.key())
                    .append("` | ")
                    .append(shownDefault(option))
                    .append(" | ")
                    .append(option.accepted())
                    .append(" | ")
                    .append(option.purpose())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String shownDefault(Option<?> option) {
        return option.defaultValue().isEmpty() ? option.shownDefault() : "`" + option.defaultValue() + "`";
    }

    /** {@code --help}'s lines: each key with its default, then what it accepts and does, wrapped. */
    public static String text() {
        StringBuilder out = new StringBuilder();
        for (Option<?> option : Option.all()) {
            out.append("  ")
                    .append(option.key())
                    .append(" (default ")
                    .append(shownDefault(option).replace("`", ""))
                    .append(")\n");
            String words = option.accepted() + ". "
                    + Character.toUpperCase(option.purpose().charAt(0))
                    + option.purpose().substring(1) + ".";
            for (String line : wrap(words.replace("`", ""))) {
                out.append(HELP_INDENT).append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && HELP_INDENT.length() + line.length() + 1 + word.length() > HELP_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
