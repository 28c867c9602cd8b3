package io.gil4j.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small owners-and-pets service, in the shape of Spring's PetClinic: embedded Tomcat, JPA on an in-memory
 * H2 database seeded at start-up, one page rendered by a Mustache template, one CPU-bound endpoint. It exists
 * to be started with and without the gil4j agent, so that the agent's cost is measured on a real framework
 * (Spring Boot's nested-jar launcher, Hibernate, Tomcat) and not only on gil4j's own demo.
 *
 * <pre>
 * java -jar webapp/target/gil4j-webapp.jar --server.port=8080
 * java -javaagent:agent/target/gil4j-agent.jar=mode=gil -jar webapp/target/gil4j-webapp.jar
 * </pre>
 *
 * <p>Endpoints: {@code GET /owners} (JSON, paged), {@code GET /owners/{id}} (HTML), {@code GET /work?n=}
 * (the closest pair of owner names among the first n: CPU-bound), {@code GET /health}.
 */
@SpringBootApplication
public class WebApplication {

    /** Starts the service; Spring Boot's arguments ({@code --server.port=0}) apply. */
    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
