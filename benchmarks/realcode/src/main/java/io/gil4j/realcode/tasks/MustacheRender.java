package io.gil4j.realcode.tasks;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Templating with mustache.java: an HTML report (sections, inverted sections, HTML escaping, a loop
 * nested in a loop) compiled by a fresh factory and rendered over generated customers several times.
 *
 * <p>Each call compiles its own template, so the work includes mustache.java's parser and its reflective
 * look-up of the scope's accessors, not only rendering.
 */
public final class MustacheRender {

    /** An item of an invoice; its accessors are what the template's {@code {{name}}} tags resolve to. */
    public record Item(String name, int quantity, String price, boolean discounted) {}

    /** A customer with the items billed to them. */
    public record Customer(String name, String email, List<Item> items, String note) {}

    private static final String TEMPLATE = "<h1>{{title}}</h1>\n{{#customers}}<section>\n"
            + "  <h2>{{name}} &lt;{{email}}&gt;</h2>\n  <table>\n"
            + "  {{#items}}<tr><td>{{name}}</td><td>{{quantity}}</td><td>{{price}}</td>"
            + "{{#discounted}}<td>discount</td>{{/discounted}}{{^discounted}}<td></td>{{/discounted}}</tr>\n"
            + "  {{/items}}{{^items}}<tr><td colspan=\"3\">nothing billed</td></tr>\n{{/items}}  </table>\n"
            + "  <p>{{note}}</p>\n</section>\n{{/customers}}";
    private static final int CUSTOMERS = 300;
    private static final int RENDERS = 50;

    private MustacheRender() {}

    /**
     * Compiles the report template and renders it {@value #RENDERS} times over the customers generated from
     * {@code seed}.
     *
     * @return the CRC-32 of the report, and its length, folded together
     */
    public static long run(int seed) {
        Map<String, Object> scope =
                Map.of("title", "Invoices <" + seed + ">", "customers", customers(new Random(seed)));
        Mustache report = new DefaultMustacheFactory().compile(new StringReader(TEMPLATE), "report");
        long checksum = 0;
        for (int i = 0; i < RENDERS; i++) {
            StringWriter out = new StringWriter();
            report.execute(out, scope);
            CRC32 crc = new CRC32();
            crc.update(out.toString().getBytes(StandardCharsets.UTF_8));
            checksum = checksum * 31 + (crc.getValue() ^ out.getBuffer().length());
        }
        return checksum;
    }

    private static List<Customer> customers(Random random) {
        List<Customer> customers = new ArrayList<>(CUSTOMERS);
        for (int c = 0; c < CUSTOMERS; c++) {
            List<Item> items = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                String price = String.format(Locale.ROOT, "%d.%02d", random.nextInt(500), random.nextInt(100));
                items.add(new Item(Words.sentence(random, 2), 1 + random.nextInt(9), price, random.nextInt(4) == 0));
            }
            String name = Words.word(random);
            customers.add(new Customer(
                    name,
                    name + "@" + Words.word(random) + ".example",
                    items,
                    "\"" + Words.sentence(random, 12) + "\" & <more>"));
        }
        return customers;
    }
}
