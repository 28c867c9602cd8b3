/**
 * Recorders the lock and the pools keep for whoever reads them (the metrics layer, the control endpoint):
 * plain data, no dependency on any metrics library.
 */
package io.gil4j.stats;
