/**
 * The A/B experiment's lifecycle: {@link io.gil4j.experiment.Experiments} runs one
 * {@link io.gil4j.experiment.Experiment} at a time, which alternates two modes through the mode controller,
 * measures marked calls in each stay, and reports the speedup of B over A as a
 * {@link io.gil4j.experiment.SpeedupInterval}; {@link io.gil4j.experiment.ExperimentOutcome} is what the
 * metrics export of the latest one.
 */
package io.gil4j.experiment;
