/**
 * What the demo's commands share on top of picocli: {@link io.gil4j.demo.cli.Choice} names a fixed set of
 * values by label, {@link io.gil4j.demo.cli.Converters} reads positive integers, ports and durations,
 * {@link io.gil4j.demo.cli.WorkloadOptions} is the {@code --workload}/{@code --size} mixin, and
 * {@link io.gil4j.demo.cli.OneLineErrors} turns every command-line mistake into one line on standard error
 * that names the bad input and what is accepted.
 */
package io.gil4j.demo.cli;
