package io.gil4j.webapp.duplicates;

import io.gil4j.webapp.owner.OwnerRepository;
import org.springframework.stereotype.Service;

/**
 * Finds likely duplicate owners: the pair of full names with the smallest edit distance among the first
 * {@code n}. Pure computation in the application's own code, O(n² · length²), on names read from the
 * database once: the service's CPU-bound work, the kind gil4j's {@code gil} mode serialises.
 * Thread-safe: the names are read once and never change.
 */
@Service
public class DuplicateFinder {

    private final OwnerRepository owners;
    private volatile String[] names; // read once, on first use, after the seed rows are in

    public DuplicateFinder(OwnerRepository owners) {
        this.owners = owners;
    }

    /** The closest pair among the first {@code n} owners (all of them if there are fewer); n ≥ 2. */
    public ClosestPair closest(int n) {
        String[] all = names();
        int count = Math.min(n, all.length);
        int best = Integer.MAX_VALUE;
        int first = 0;
        int second = 1;
        long compared = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                int distance = editDistance(all[i], all[j]);
                compared++;
                if (distance < best) {
                    best = distance;
                    first = i;
                    second = j;
                }
            }
        }
        return new ClosestPair(count, compared, all[first], all[second], best);
    }

    private String[] names() {
        String[] known = names;
        if (known == null) {
            known = owners.findAllNames().toArray(String[]::new);
            names = known;
        }
        return known;
    }

    /** Levenshtein's distance: insertions, deletions and substitutions, each costing one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The outcome of {@link #closest}.
     *
     * @param owners how many owners were compared
     * @param comparisons pairs compared
     * @param distance the edit distance of {@code first} and {@code second}
     */
    public record ClosestPair(int owners, long comparisons, String first, String second, int distance) {}
}
