/**
 * The {@code convoy} subcommand: CPython's convoy effect (gh-52194) measured in this JVM.
 *
 * <p>One thread makes 1-byte echo round trips to an in-process loopback server for a fixed time, first
 * alone, then beside one CPU-bound thread. Under a GIL each blocking call releases the lock and the I/O
 * thread then waits for the CPU-bound holder to give it back, up to one switch interval per call; CPython's
 * echo server fell from about 30k to about 100 requests/s this way. Here the server's connection thread is
 * instrumented too, so both ends of each round trip wait for the lock.
 */
package io.gil4j.demo.convoy;
