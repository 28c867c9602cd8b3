/**
 * What crosses from a caller to a worker and back, for both routes that reroute marked calls: the worker
 * JVMs of {@code processes} ({@link io.gil4j.crossing.SerialCodec}: Java serialization behind an
 * {@link io.gil4j.crossing.AllowList} and limits) and the class-loader interpreters of {@code interpreters}
 * ({@link io.gil4j.crossing.Snapshot}). A value that may not cross is a
 * {@link io.gil4j.crossing.NotShareableException} in the caller, naming its type.
 */
package io.gil4j.crossing;
