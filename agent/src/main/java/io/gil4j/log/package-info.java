/** The agent's output: one {@code [gil4j]} line per event on standard error. */
package io.gil4j.log;
