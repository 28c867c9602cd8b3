/**
 * The {@code bench} subcommand: runs a workload's tasks sequentially, then on a thread pool in each
 * requested mode, checks every result against the sequential one, and reports the best time of each row.
 *
 * <p>A row is a {@link io.gil4j.demo.bench.RowMode}: the agent mode it switches to and the
 * {@link io.gil4j.demo.bench.TaskRunner} that runs the tasks. The sequential row always comes first and is
 * the baseline for every speedup. New kinds of rows (interpreter pools, process pools) are new
 * {@code RowMode} constants with their own runner; nothing else changes.
 */
package io.gil4j.demo.bench;
