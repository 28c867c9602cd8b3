/**
 * Steering the agent from outside the application: the HTTP control endpoint ({@link
 * io.gil4j.control.ControlServer}) with its token and discovery file ({@link io.gil4j.control.ControlFile}),
 * the {@link io.gil4j.control.ControlMXBean}, and the mode file ({@link io.gil4j.control.ModeFile}), all over
 * one {@link io.gil4j.control.AgentStatus}; {@link io.gil4j.control.ControlPlane} starts them.
 */
package io.gil4j.control;
