/**
 * The {@code load} subcommand: a closed-loop HTTP load of a fixed concurrency for a fixed time, with a
 * progress line while it runs and throughput and latency percentiles at the end.
 */
package io.gil4j.demo.load;
