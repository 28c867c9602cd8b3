package io.gil4j.realcode.tasks;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableTable;
import com.google.common.collect.Multimaps;
import com.google.common.collect.Multiset;
import com.google.common.collect.Multisets;
import com.google.common.collect.Ordering;
import com.google.common.collect.TreeMultimap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Collection-heavy code with Guava: generated words counted in a multiset, grouped into multimaps, ranked,
 * tabulated, and every structure hashed with Guava's pure-Java Murmur3 so that all of it feeds the result.
 */
public final class GuavaCollections {

    private static final int WORDS = 120_000;
    private static final int PASSES = 6;

    private GuavaCollections() {}

    /**
     * Builds and hashes the structures over the words generated from {@code seed}, {@value #PASSES} times
     * over growing prefixes of them.
     *
     * @return the Murmur3-128 hash of every structure, its first eight bytes
     */
    public static long run(int seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(WORDS);
        for (int i = 0; i < WORDS; i++) {
            words.add(Words.word(random));
        }
        Hasher hasher = Hashing.murmur3_128(seed).newHasher();
        for (int pass = 1; pass <= PASSES; pass++) {
            hash(words.subList(0, WORDS * pass / PASSES), hasher);
        }
        return hasher.hash().asLong();
    }

    private static void hash(List<String> words, Hasher hasher) {
        ImmutableMultiset<String> counts = Multisets.copyHighestCountFirst(ImmutableMultiset.copyOf(words));
        for (Multiset.Entry<String> entry : counts.entrySet()) {
            hasher.putString(entry.getElement(), StandardCharsets.UTF_8).putInt(entry.getCount());
        }
        ImmutableListMultimap<Integer, String> byLength = Multimaps.index(words, String::length);
        TreeMultimap<Character, String> byInitial = TreeMultimap.create();
        for (String word : counts.elementSet()) {
            byInitial.put(word.charAt(0), word);
        }
        for (Map.Entry<Integer, String> entry : byLength.entries()) {
            hasher.putInt(entry.getKey()).putInt(entry.getValue().hashCode());
        }
        ImmutableTable.Builder<Character, Integer, Integer> table = ImmutableTable.builder();
        for (Map.Entry<Character, Collection<String>> row : byInitial.asMap().entrySet()) {
            ImmutableSortedMap<Integer, Integer> lengths = row.getValue().stream()
                    .collect(ImmutableSortedMap.toImmutableSortedMap(
                            Ordering.natural(), String::length, w -> 1, Integer::sum));
            lengths.forEach((length, n) -> table.put(row.getKey(), length, n));
            hasher.putString(Ordering.natural().max(row.getValue()), StandardCharsets.UTF_8);
        }
        table.build()
                .cellSet()
                .forEach(cell -> hasher.putChar(cell.getRowKey())
                        .putInt(cell.getColumnKey())
                        .putInt(cell.getValue()));
    }
}
