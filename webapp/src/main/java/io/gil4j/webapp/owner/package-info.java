/**
 * Owners and their pets: the JPA entities, the repository, a read-only service that hands out views, and
 * the JSON and HTML endpoints.
 */
package io.gil4j.webapp.owner;
