package io.gil4j.demo.live;

import io.gil4j.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** One scrape of a Prometheus text exposition, and the samples in it. */
public record Scrape(String text) {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A sample line: metric name, labels as written, value. */
    public record Sample(String name, String labels, double value) {
        public boolean has(String label, String value) {
            return labels.contains(label + "=\"" + value + "\"");
        }
    }

    /** Gets {@code url}; fails the test on any status but 200. */
    public static Scrape of(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    /** How often {@link #until} scrapes. */
    private static final Duration EVERY = Duration.ofMillis(250);

    /** Scrapes {@code url} until one satisfies {@code condition}, for at most {@code timeout}; that scrape. */
    public static Scrape until(String url, Duration timeout, Predicate<Scrape> condition, String what)
            throws InterruptedException {
        Scrape[] last = {null};
        try {
            return Eventually.awaitValue(
                    "a scrape of " + url + " showing " + what,
                    timeout,
                    EVERY,
                    () -> {
                        try {
                            last[0] = of(url);
                        } catch (IOException notYet) {
                            return Optional.empty(); // the endpoint is not up yet
                        }
                        return condition.test(last[0]) ? Optional.of(last[0]) : Optional.empty();
                    },
                    () -> last[0] == null ? "the endpoint never answered" : "last:\n" + last[0].text());
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
    }

    /** Waits for {@code condition}, checking every 250 ms, for at most {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        Eventually.await(what, timeout, EVERY, condition, () -> "still not so");
    }

    /** Every sample of the metric {@code name} (exactly; {@code _bucket}, {@code _count} are names of their own). */
    public List<Sample> samples(String name) {
        List<Sample> found = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            if (metric.equals(name)) {
                String labels = brace >= 0 ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
                found.add(new Sample(metric, labels, Double.parseDouble(line.substring(space + 1))));
            }
        }
        return found;
    }

    /** True if some sample of {@code name} is above zero. */
    public boolean hasData(String name) {
        return samples(name).stream().anyMatch(s -> s.value() > 0);
    }
}
