package io.gil4j.config;

import io.gil4j.glob.ClassGlob;
import java.util.List;

/**
 * What the worker JVMs of the {@code processes} route are started with.
 *
 * @param workers {@code workers}: worker JVMs
 * @param maxTasks {@code processes.max-tasks}: calls after which a worker is replaced, 0 for never
 * @param allow {@code processes.allow}: class globs whose instances may cross, empty for the default
 */
public record ProcessConfig(int workers, int maxTasks, List<ClassGlob> allow) {}
