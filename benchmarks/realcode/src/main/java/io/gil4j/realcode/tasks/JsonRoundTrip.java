package io.gil4j.realcode.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * JSON data binding with Jackson: a list of orders (records with nested lists and a map) written to bytes
 * and read back into records, several times over, each pass reading what the previous one wrote.
 *
 * <p>The mapper is shared: Jackson documents a configured {@link ObjectMapper} as thread-safe, and a real
 * service keeps one; its serializer caches fill during the warm-up round.
 */
public final class JsonRoundTrip {

    /** One line of an order. */
    public record Line(String sku, int quantity, double price, List<String> notes) {}

    /** An order with its lines and free-form counters. */
    public record Order(long id, String customer, List<Line> lines, Map<String, Integer> tags) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {};
    private static final int ORDER_COUNT = 400;
    private static final int PASSES = 24;

    private JsonRoundTrip() {}

    /**
     * Writes and reads the orders generated from {@code seed} {@value #PASSES} times.
     *
     * @return the CRC-32 of every pass's JSON, folded together, plus the quantities read back
     * @throws IllegalStateException if a pass reads back other orders than it wrote
     */
    public static long run(int seed) {
        List<Order> orders = orders(new Random(seed));
        long checksum = 0;
        try {
            for (int pass = 0; pass < PASSES; pass++) {
                byte[] json = MAPPER.writeValueAsBytes(orders);
                List<Order> read = MAPPER.readValue(json, ORDERS);
                if (!read.equals(orders)) {
                    throw new IllegalStateException("pass " + pass + " read back other orders than it wrote");
                }
                orders = read;
                CRC32 crc = new CRC32();
                crc.update(json);
                checksum = checksum * 31 + crc.getValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checksum
                + orders.stream()
                        .flatMap(o -> o.lines().stream())
                        .mapToLong(Line::quantity)
                        .sum();
    }

    private static List<Order> orders(Random random) {
        List<Order> orders = new ArrayList<>(ORDER_COUNT);
        for (int i = 0; i < ORDER_COUNT; i++) {
            List<Line> lines = new ArrayList<>();
            for (int l = random.nextInt(6); l >= 0; l--) {
                lines.add(new Line(
                        Words.word(random).toUpperCase(Locale.ROOT),
                        1 + random.nextInt(20),
                        random.nextInt(100_000) / 100.0,
                        List.of(Words.sentence(random, 1 + random.nextInt(5)))));
            }
            Map<String, Integer> tags = new LinkedHashMap<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.put(Words.word(random), random.nextInt(1000));
            }
            orders.add(new Order(random.nextLong(), Words.sentence(random, 2), lines, tags));
        }
        return orders;
    }
}
