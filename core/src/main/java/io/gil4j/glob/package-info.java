/** Class-name globs, as every option that selects classes writes them. */
package io.gil4j.glob;
