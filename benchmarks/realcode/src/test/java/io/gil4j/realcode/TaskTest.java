package io.gil4j.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskTest {

    @ParameterizedTest
    @EnumSource(Task.class)
    void a_task_computes_the_same_checksum_for_the_same_seed_and_another_for_another(Task task) {
        long first = task.run(7);

        assertEquals(first, task.run(7));
        assertNotEquals(first, task.run(8));
    }
}
