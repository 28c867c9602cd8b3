package io.gil4j.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A closed-loop load: {@code concurrency} clients, each sending a GET and waiting for its answer before the
 * next, until {@code duration} has passed; every second a progress line. Requests in flight at the end are
 * answered and counted, so the load may run a request's latency beyond its duration.
 */
final class Load {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final Duration duration;
    private final int concurrency;
    private final Consumer<String> progress;

    Load(URI url, Duration duration, int concurrency, Consumer<String> progress) {
        this.url = url;
        this.duration = duration;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    LoadResult run() throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Client c = new Client(client, request, end, answered, failed);
            c.thread.start();
            clients.add(c);
        }
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        for (Client c : clients) {
            while (!c.joined(Math.max(1, nextReport - System.nanoTime()))) {
                long now = System.nanoTime();
                double elapsed = (now - start) / 1e9;
                progress.accept(String.format(
                        Locale.ROOT,
                        "load: %.0f/%d s, %d requests, %.1f req/s, %d errors",
                        elapsed,
                        duration.toSeconds(),
                        answered.get(),
                        answered.get() / elapsed,
                        failed.get()));
                nextReport = now + TimeUnit.SECONDS.toNanos(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = clients.stream()
                .flatMapToLong(c -> c.latencies.stream().mapToLong(Long::longValue))
                .sorted()
                .toArray();
        return new LoadResult(answered.get(), failed.get(), seconds, latencies);
    }

    /** One client: a thread sending requests one after another, keeping the latency of each answered one. */
    private static final class Client {

        final List<Long> latencies = new ArrayList<>();
        final Thread thread;

        Client(HttpClient client, HttpRequest request, long endNanos, AtomicLong answered, AtomicLong failed) {
            thread = new Thread(
                    () -> {
                        while (System.nanoTime() - endNanos < 0) {
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<Void> response =
                                        client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() / 100 == 2) {
                                    latencies.add(System.nanoTime() - sent);
                                    answered.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "load-client");
            thread.setDaemon(true);
        }

        /** Waits up to {@code nanos} for the client to end; true if it has. */
        boolean joined(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
            return !thread.isAlive();
        }
    }
}
