/**
 * The agent's telemetry: the OpenTelemetry SDK, set up by its autoconfigure module so that the standard
 * {@code OTEL_*} variables work, exporting what the lock, the pools, the marked calls and the kernel's CPU
 * counters record. The recorders know nothing of this package; it reads them at collection time.
 */
package io.gil4j.metrics;
