/**
 * The demo's view of gil4j's execution mode: {@link io.gil4j.demo.mode.ModeControl} reads and switches it
 * through the public API, and lets tests substitute a fake that records the switches.
 */
package io.gil4j.demo.mode;
