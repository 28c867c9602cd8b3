package io.gil4j.demo.bench;

/** A task of the workload threw; the cause is what it threw. */
public final class TaskFailedException extends Exception {

    private final int taskIndex;

    /** Task {@code taskIndex} failed with {@code cause}. */
    public TaskFailedException(int taskIndex, Throwable cause) {
        super("task " + taskIndex + " failed: " + cause, cause);
        this.taskIndex = taskIndex;
    }

    /** The index of the task that failed. */
    public int taskIndex() {
        return taskIndex;
    }
}
