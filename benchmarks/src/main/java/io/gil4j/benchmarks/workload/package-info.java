/**
 * Code that benchmarks run under the agent: the only package of this module that the agent's forks
 * instrument ({@code include=io.gil4j.benchmarks.workload.**}), so that the JMH harness and the benchmark
 * classes themselves stay uninstrumented and only the work being measured pays for check points.
 */
package io.gil4j.benchmarks.workload;
