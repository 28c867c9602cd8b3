/**
 * The Grafana dashboards, written as code: {@link io.gil4j.dashboards.Catalogue} says what each dashboard
 * shows, {@link io.gil4j.dashboards.Dashboard} and {@link io.gil4j.dashboards.Panel} turn it into the JSON
 * Grafana loads, and {@link io.gil4j.dashboards.Generate} writes that JSON under
 * {@code dashboards/grafana/dashboards/}, where it is committed.
 */
package io.gil4j.dashboards;
