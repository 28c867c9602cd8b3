/**
 * The {@code serve} subcommand: the workloads as an HTTP service, for watching the modes live under a
 * load ({@code load}) on the agent's metrics; optionally cycling through modes on its own.
 */
package io.gil4j.demo.serve;
