/** The trivial liveness endpoint. */
package io.gil4j.webapp.health;
