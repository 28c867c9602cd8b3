/**
 * A Spring Boot service to measure the gil4j agent on a real framework; {@link io.gil4j.webapp.WebApplication}
 * says what it serves.
 */
package io.gil4j.webapp;
