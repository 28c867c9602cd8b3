package io.gil4j.demo.bench;

import io.gil4j.demo.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/** Runs the tasks one after another on the calling thread: the baseline of every bench. */
final class SequentialRunner implements TaskRunner {

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public List<Object> runAll(Workload workload, int tasks) throws TaskFailedException {
        List<Object> results = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            try {
                results.add(workload.runTask(i));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new TaskFailedException(i, e);
            }
        }
        return results;
    }

    @Override
    public void close() {}
}
