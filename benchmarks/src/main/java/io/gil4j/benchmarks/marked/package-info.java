/** Marked methods for the dispatch benchmarks; the agent instruments this package in their forks. */
package io.gil4j.benchmarks.marked;
