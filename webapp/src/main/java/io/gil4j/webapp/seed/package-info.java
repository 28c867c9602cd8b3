/** The rows the in-memory database starts with, saved before the service takes requests. */
package io.gil4j.webapp.seed;
