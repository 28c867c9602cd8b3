/**
 * What the demo's commands share on top of picocli: {@link io.gil4j.demo.cli.Subcommand} is what a command
 * runs once parsed and {@link io.gil4j.demo.cli.RunSubcommand} runs it; {@link io.gil4j.demo.cli.Choice}
 * names a fixed set of values by label and {@link io.gil4j.demo.cli.Converters} reads positive integers,
 * ports and durations; {@link io.gil4j.demo.cli.WorkloadOptions} ({@code --workload}, {@code --size}) and
 * {@link io.gil4j.demo.cli.ReportOutput} ({@code --format} and the two streams) are mixins; and
 * {@link io.gil4j.demo.cli.OneLineErrors} turns every command-line mistake into one line on standard error
 * that names the bad input and what is accepted.
 */
package io.gil4j.demo.cli;
