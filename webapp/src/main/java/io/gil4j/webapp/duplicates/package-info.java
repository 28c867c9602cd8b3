/** The service's CPU-bound endpoint: likely duplicate owners by the edit distance of their names. */
package io.gil4j.webapp.duplicates;
