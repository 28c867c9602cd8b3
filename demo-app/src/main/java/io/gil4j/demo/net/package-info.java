/**
 * A loopback echo server and its client, used by the {@code io} workload and the convoy experiment.
 *
 * <p>Everything here blocks in plain {@code InputStream.read}, {@code OutputStream.write},
 * {@code ServerSocket.accept} and {@code Thread.sleep} calls made from this package's own code: those call
 * sites are the ones the agent substitutes to release the interpreter lock, so nothing here may hide them
 * behind a JDK helper such as {@code DataInputStream.readFully}. Servers bind to 127.0.0.1 only.
 */
package io.gil4j.demo.net;
