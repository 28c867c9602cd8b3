package io.gil4j.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.demo.workload.Workload;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ThreadPoolRunnerTest {

    @Test
    void pool_returns_results_in_task_order_from_at_most_its_worker_threads() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Workload workload = new Workload() {
            @Override
            public String name() {
                return "square";
            }

            @Override
            public Object runTask(int taskIndex) {
                threads.add(Thread.currentThread().getName());
                return taskIndex * taskIndex;
            }
        };
        try (TaskRunner runner = RowMode.NATIVE.newRunner(3)) {
            assertEquals(3, runner.workers());
            assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49), runner.runAll(workload, 8));
        }
        assertTrue(threads.size() <= 3 && threads.stream().allMatch(t -> t.startsWith("bench-native-")), "" + threads);
    }

    @Test
    void sequential_runner_runs_on_the_calling_thread() throws Exception {
        String caller = Thread.currentThread().getName();
        Workload workload = new Workload() {
            @Override
            public String name() {
                return "thread";
            }

            @Override
            public Object runTask(int taskIndex) {
                return Thread.currentThread().getName();
            }
        };
        try (TaskRunner runner = RowMode.SEQUENTIAL.newRunner(4)) {
            assertEquals(1, runner.workers());
            assertEquals(List.of(caller, caller), runner.runAll(workload, 2));
        }
    }
}
