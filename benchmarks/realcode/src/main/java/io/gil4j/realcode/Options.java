package io.gil4j.realcode;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The driver's command line, parsed once into typed values.
 *
 * @param action what to do: run the benchmark, print the usage, or list the tasks
 * @param task the workload; null unless {@code action} is {@link Action#RUN}
 * @param threads the executor's fixed thread count, ≥ 1
 * @param tasks the calls submitted per round, ≥ 1
 * @param rounds the timed rounds after the warm-up round, ≥ 1
 */
record Options(Action action, Task task, int threads, int tasks, int rounds) {

    /** What the command line asks for. */
    enum Action {
        RUN,
        HELP,
        LIST
    }

    static final String USAGE = String.join(
            "\n",
            "usage: java [-javaagent:gil4j-agent.jar=...] -jar gil4j-realcode.jar --task NAME [options]",
            "",
            "  --task NAME     " + Arrays.stream(Task.values()).map(Task::id).collect(Collectors.joining("|")),
            "  --threads T     threads of the fixed pool the calls are submitted to (default 1)",
            "  --tasks N       calls per round, seeds 0..N-1 (default 8)",
            "  --rounds R      timed rounds after one warm-up round (default 3)",
            "  --list          print each task and the offload= pattern that marks it, as CSV",
            "  --help          print this and exit",
            "",
            "Prints one CSV line on stdout: task,threads,tasks,best_seconds,median_seconds,checksum;",
            "progress on stderr. Exit codes: 0 done, 1 a call failed or checksums differed, 2 bad options.");

    private static final int MAX_THREADS = 1024;

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the option at fault and what it accepts
     */
    static Options parse(String... args) {
        Task task = null;
        int threads = 1;
        int tasks = 8;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help":
                    return new Options(Action.HELP, null, threads, tasks, rounds);
                case "--list":
                    return new Options(Action.LIST, null, threads, tasks, rounds);
                case "--task":
                    String id = value(args, ++i, option);
                    task = Task.byId(id)
                            .orElseThrow(() -> new IllegalArgumentException("--task: unknown task '" + id
                                    + "', expected one of "
                                    + Arrays.stream(Task.values()).map(Task::id).collect(Collectors.joining(", "))));
                    break;
                case "--threads":
                    threads = count(args, ++i, option, MAX_THREADS);
                    break;
                case "--tasks":
                    tasks = count(args, ++i, option, Integer.MAX_VALUE);
                    break;
                case "--rounds":
                    rounds = count(args, ++i, option, Integer.MAX_VALUE);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (task == null) {
            throw new IllegalArgumentException("--task is required");
        }
        return new Options(Action.RUN, task, threads, tasks, rounds);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return args[index];
    }

    private static int count(String[] args, int index, String option, int max) {
        String value = value(args, index, option);
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= max) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(option + ": expected an integer from 1 to " + max + ", got '" + value + "'");
    }
}
