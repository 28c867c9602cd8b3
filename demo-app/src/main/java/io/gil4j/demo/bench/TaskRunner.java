package io.gil4j.demo.bench;

import io.gil4j.demo.workload.Workload;
import java.util.List;

/**
 * Runs all tasks of a workload and collects their results in task order.
 *
 * <p>One runner serves one bench row, round after round, from the thread that created it; {@link #close()}
 * releases its threads. A runner does not switch modes: the bench does that before the row starts.
 */
public interface TaskRunner extends AutoCloseable {

    /** How many threads run tasks at once. */
    int workers();

    /**
     * Runs tasks {@code 0 .. tasks-1} and waits for all of them.
     *
     * @return the results, element {@code i} from task {@code i}
     * @throws TaskFailedException if a task threw; the first failing task in index order is reported
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    List<Object> runAll(Workload workload, int tasks) throws TaskFailedException, InterruptedException;

    /** Releases the runner's threads; the runner cannot be used afterwards. */
    @Override
    void close();
}
