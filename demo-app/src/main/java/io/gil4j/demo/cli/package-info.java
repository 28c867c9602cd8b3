/**
 * Command-line parsing shared by every subcommand: {@link io.gil4j.demo.cli.Args} reads
 * {@code --name value} options against the names a subcommand declares, and every mistake becomes one
 * {@link io.gil4j.demo.cli.UsageException} line that names the bad input and the accepted values.
 */
package io.gil4j.demo.cli;
