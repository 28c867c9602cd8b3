package io.gil4j.demo.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadKindTest {

    @ParameterizedTest
    @EnumSource(WorkloadKind.class)
    void each_kind_builds_a_small_workload_named_by_its_label_with_repeatable_results(WorkloadKind kind)
            throws Exception {
        try (Workload workload = kind.create(Size.SMALL)) {
            assertEquals(kind.label(), workload.name());
            Object result = workload.runTask(2);
            assertNotNull(result);
            assertEquals(result, workload.runTask(2));
        }
    }
}
