package io.gil4j.realcode.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The generated text every task builds its input from: a fixed vocabulary of pronounceable words, drawn
 * with a skew (a few words are common, most are rare) so that compressors, indexes and counters see
 * something shaped like natural language. The same {@link Random} state always yields the same text.
 *
 * <p>Immutable and thread-safe; the callers own their {@code Random}.
 */
final class Words {

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bra", "cho", "dri", "fle", "gru", "pla", "sti",
    };

    /** Every word of the vocabulary, in a fixed order: index 0 is drawn most often. */
    static final List<String> VOCABULARY = vocabulary();

    private Words() {}

    /** One word, skewed towards the start of {@link #VOCABULARY}. */
    static String word(Random random) {
        double skewed = random.nextDouble() * random.nextDouble();
        return VOCABULARY.get((int) (skewed * VOCABULARY.size()));
    }

    /** {@code count} words separated by single spaces, a full stop after every eleventh. */
    static String sentence(Random random, int count) {
        StringBuilder text = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(i % 11 == 0 ? ". " : " ");
            }
            text.append(word(random));
        }
        return text.toString();
    }

    /** Every two- and three-syllable combination: 16² + 16³ = 4352 distinct words. */
    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (String first : SYLLABLES) {
            for (String second : SYLLABLES) {
                words.add(first + second);
                for (String third : SYLLABLES) {
                    words.add(first + second + third);
                }
            }
        }
        return List.copyOf(words);
    }
}
