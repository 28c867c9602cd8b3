package io.gil4j.advice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the main lock was held, from two kinds of sample: ticks, which say whether the lock was held and how
 * many threads waited for it; and stacks of the threads running the lock's code, which say where. For each
 * method seen on such a stack: in how many stacks it was (inclusive), on top of the markable part (self),
 * and how many threads waited meanwhile (summed), in bounded memory.
 *
 * <h2>Design</h2>
 *
 * <p><b>Bounded.</b> At most {@code capacity} methods are counted, with the space-saving algorithm (Metwally,
 * Agrawal and El Abbadi, 2005) on the inclusive count: a method not counted yet, arriving when the table is
 * full, takes the place of the one with the fewest stacks and starts from that count, which it may
 * overstate by at most that much ({@link MethodShare#error}). Every method in more than 1/{@code capacity}
 * of the stacks is in the table, and the ranking of those well above that floor is exact.
 *
 * <p><b>Together.</b> The shares of several methods do not add up (one may run inside the other), so the
 * last {@code recent} stacks are kept as sets of methods, and {@link #unionShare} counts the stacks in which
 * any of the given methods was.
 *
 * <p>Thread safety: every method is {@code synchronized}; the samplers write about a hundred times a second
 * each, and readers are rare.
 */
public final class HoldProfile {

    /** One method's counts; {@code error} bounds how much {@code inclusive} may overstate. */
    public record MethodShare(String method, long inclusive, long self, long waiting, long error) {}

    private static final class Counts {
        long inclusive;
        long self;
        long waiting;
        long error;
    }

    private final int capacity;
    private final String[][] recent;
    private final Map<String, Counts> methods = new HashMap<>();
    private long ticks;
    private long held;
    private long waiting;
    private long stacks;

    /**
     * @param capacity the most methods counted, at least 1
     * @param recent how many of the last stacks {@link #unionShare} looks at, at least 1
     */
    public HoldProfile(int capacity, int recent) {
        if (capacity < 1 || recent < 1) {
            throw new IllegalArgumentException("capacity and recent must be at least 1: " + capacity + ", " + recent);
        }
        this.capacity = capacity;
        this.recent = new String[recent][];
    }

    /** A tick: whether the lock was held, and if so by how many threads it kept waiting. */
    public synchronized void tick(boolean isHeld, int waiters) {
        ticks++;
        if (isHeld) {
            held++;
            waiting += waiters;
        }
    }

    /**
     * A stack of a thread running the lock's code.
     *
     * @param stack its methods that could be marked, innermost first, as {@code class#method}; a method that
     *     recurses may appear more than once
     * @param waiters how many threads waited for the lock
     */
    public synchronized void stack(List<String> stack, int waiters) {
        Set<String> distinct = new LinkedHashSet<>(stack);
        recent[(int) (stacks++ % recent.length)] = distinct.toArray(new String[0]);
        boolean top = true;
        for (String method : distinct) {
            Counts counts = countsOf(method);
            counts.inclusive++;
            counts.waiting += waiters;
            if (top) {
                counts.self++;
                top = false;
            }
        }
    }

    private Counts countsOf(String method) {
        Counts counts = methods.get(method);
        if (counts != null) {
            return counts;
        }
        counts = new Counts();
        if (methods.size() >= capacity) {
            Map.Entry<String, Counts> fewest = methods.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().inclusive))
                    .orElseThrow();
            methods.remove(fewest.getKey());
            counts.inclusive = fewest.getValue().inclusive;
            counts.error = fewest.getValue().inclusive;
        }
        methods.put(method, counts);
        return counts;
    }

    /** Ticks taken. */
    public synchronized long ticks() {
        return ticks;
    }

    /** The ticks at which the lock was held. */
    public synchronized long held() {
        return held;
    }

    /** The waiters summed over the held ticks: divided by {@link #held()}, the mean queue behind a holder. */
    public synchronized long waiting() {
        return waiting;
    }

    /** Stacks recorded: the denominator of every method's share. */
    public synchronized long stacks() {
        return stacks;
    }

    /** The {@code limit} methods in the most stacks, most first. */
    public synchronized List<MethodShare> top(int limit) {
        List<MethodShare> all = new ArrayList<>(methods.size());
        methods.forEach((method, c) -> all.add(new MethodShare(method, c.inclusive, c.self, c.waiting, c.error)));
        all.sort(Comparator.comparingLong(MethodShare::inclusive).reversed().thenComparing(MethodShare::method));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * The share, from 0 to 1, of the last stacks (at most {@code recent}) in which any of
     * {@code methodsTogether} was; 0 before any.
     */
    public synchronized double unionShare(Set<String> methodsTogether) {
        int kept = (int) Math.min(stacks, recent.length);
        if (kept == 0) {
            return 0;
        }
        long hits = Arrays.stream(recent, 0, kept)
                .filter(stack -> Arrays.stream(stack).anyMatch(methodsTogether::contains))
                .count();
        return (double) hits / kept;
    }

    /** Forgets everything counted. */
    public synchronized void reset() {
        methods.clear();
        Arrays.fill(recent, null);
        ticks = 0;
        held = 0;
        waiting = 0;
        stacks = 0;
    }

    /** How many methods are counted now, at most the capacity. */
    public synchronized int size() {
        return methods.size();
    }
}
