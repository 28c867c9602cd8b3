package io.gil4j.it.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A service of known shares for {@code advise}: four threads each repeat one {@link #request()}, which
 * spends about 60 % of its CPU in {@link #price}, 25 % in {@link #tax}, 5 % in {@link #round}, 4 % in forty
 * calls of {@link #cent} (a method far too short to pay for a hand-over) and the rest in its own loop. It first
 * measures those shares itself, without contention ({@code truth ...} line), then runs the agent's
 * {@code advise} against its own PID as a user would (a separate JVM) and prints that command's exit status
 * and JSON ({@code advise-exit N}, {@code advise {...}}).
 *
 * <p>Arguments: the agent jar, then the arguments after {@code advise <pid>}.
 */
public final class AdviseApp {

    private static final int UNIT = 2_000; // iterations of a work loop per 1 % of a request
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        printTruth();
        for (int t = 0; t < 4; t++) {
            Thread worker = new Thread(AdviseApp::serve, "request-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-jar";
        command[2] = args[0];
        command[3] = "advise";
        command[4] = Long.toString(ProcessHandle.current().pid());
        System.arraycopy(args, 1, command, 5, args.length - 1);
        Process advise = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String json = new String(advise.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("advise-exit " + advise.waitFor());
        System.out.println("advise " + json.strip().replace('\n', ' '));
    }

    private static void serve() {
        while (true) {
            request();
        }
    }

    static void request() {
        long x = price(60 * UNIT);
        x += tax(25 * UNIT);
        x += round(5 * UNIT);
        x += cents(UNIT / 10);
        x += spin(6 * UNIT);
        sink = x;
    }

    static long price(int n) {
        return spin(n);
    }

    static long tax(int n) {
        return spin(n);
    }

    static long round(int n) {
        return spin(n);
    }

    private static long cents(int perCall) {
        long x = 0;
        for (int i = 0; i < 40; i++) {
            x += cent(perCall);
        }
        return x;
    }

    static long cent(int n) {
        return spin(n);
    }

    /** {@code n} steps of xorshift: a chain the JIT can neither shorten nor fold, so its time grows with n. */
    private static long spin(int n) {
        long x = n | 1;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /**
     * The shares each part takes of a request, measured here on one thread after a warm-up: the median over
     * requests of each part's share, so that a request that a compilation or a collection interrupted does
     * not move it.
     */
    private static void printTruth() {
        int warmUp = 400;
        int measured = 600;
        double[][] shares = new double[3][measured];
        long[] requests = new long[measured];
        for (int r = -warmUp; r < measured; r++) {
            long t0 = System.nanoTime();
            long x = price(60 * UNIT);
            long t1 = System.nanoTime();
            x += tax(25 * UNIT);
            long t2 = System.nanoTime();
            x += round(5 * UNIT);
            long t3 = System.nanoTime();
            x += cents(UNIT / 10);
            x += spin(6 * UNIT);
            long t4 = System.nanoTime();
            sink = x;
            if (r >= 0) {
                double all = t4 - t0;
                shares[0][r] = (t1 - t0) / all;
                shares[1][r] = (t2 - t1) / all;
                shares[2][r] = (t3 - t2) / all;
                requests[r] = t4 - t0;
            }
        }
        for (double[] part : shares) {
            Arrays.sort(part);
        }
        Arrays.sort(requests);
        System.out.printf(
                Locale.ROOT,
                "truth price=%.3f tax=%.3f round=%.3f request-us=%.1f%n",
                shares[0][measured / 2],
                shares[1][measured / 2],
                shares[2][measured / 2],
                requests[measured / 2] / 1e3);
    }
}
