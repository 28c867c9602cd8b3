/**
 * The kernel's per-CPU time counters, limited to the CPUs this process may run on: per-core utilization
 * for the metrics and control layers.
 */
package io.gil4j.cpu;
