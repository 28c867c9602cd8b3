/**
 * The gil4j demo: workloads that motivate gil4j on a plain {@code ExecutorService}, and the subcommands
 * that compare modes ({@code bench}) and show CPython's convoy effect ({@code convoy}).
 *
 * <p>The demo's own classes are instrumented like any application's when it runs with
 * {@code -javaagent}; it switches modes in-process through {@code io.gil4j.api.Gil4j}.
 */
package io.gil4j.demo;
