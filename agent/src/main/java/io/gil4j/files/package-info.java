/**
 * The files the agent writes ({@link io.gil4j.files.PrivateFiles}): where they live, who may read them, and
 * how those of dead processes are swept.
 */
package io.gil4j.files;
