package io.gil4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    @Test
    void a_gauge_named_with_the_reserved_count_suffix_takes_the_plural_of_its_noun() {
        assertEquals("jvm_threads", PrometheusEndpoint.gaugeName("jvm_thread_count"));
        assertEquals("jvm_classes", PrometheusEndpoint.gaugeName("jvm_class_count"));
        assertEquals("gil4j_pool_threads", PrometheusEndpoint.gaugeName("gil4j_pool_thread_count"));
        assertEquals("x_boxes", PrometheusEndpoint.gaugeName("x_box_count"));
        assertEquals("x_batches", PrometheusEndpoint.gaugeName("x_batch_count"));
    }

    @Test
    void other_names_are_left_alone() {
        assertEquals("gil4j_lock_waiting", PrometheusEndpoint.gaugeName("gil4j_lock_waiting"));
        assertEquals("_count", PrometheusEndpoint.gaugeName("_count"));
        assertEquals("x_counts", PrometheusEndpoint.gaugeName("x_counts"));
    }
}
