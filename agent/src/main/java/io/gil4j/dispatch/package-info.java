/**
 * Where marked calls go in the modes that reroute them: the {@code sequential} lane, the interpreter pool,
 * the worker processes. Builds each route from the configuration on first use and implements the caller's
 * side of the contract: the value or the exception exactly as if the call had run inline.
 */
package io.gil4j.dispatch;
