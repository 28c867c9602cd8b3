/**
 * What marked calls did, measured as their callers saw them ({@link io.gil4j.work.MarkedWork}), and the
 * speedup of the current mode over a baseline that follows from it ({@link io.gil4j.work.SpeedupTracker}).
 * Plain recorders: the metrics and control layers read them.
 */
package io.gil4j.work;
