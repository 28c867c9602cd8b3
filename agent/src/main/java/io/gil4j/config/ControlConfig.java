package io.gil4j.config;

import java.nio.file.Path;

/**
 * How the agent may be steered from outside.
 *
 * @param host {@code control.host}
 * @param port {@code control.port}: 0 for any free port, -1 for no endpoint
 * @param portDefaulted true if the port is the default one, which falls back to a free port when taken
 * @param token {@code control.token}, or empty for one the agent makes up
 * @param modeFile {@code mode.file}: the file the mode follows, or null
 * @param verbose {@code log=info}: the endpoint's address is logged
 */
public record ControlConfig(
        String host, int port, boolean portDefaulted, String token, Path modeFile, boolean verbose) {}
