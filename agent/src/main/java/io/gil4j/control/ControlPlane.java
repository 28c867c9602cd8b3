package io.gil4j.control;

import io.gil4j.config.ControlConfig;
import io.gil4j.files.PrivateFiles;
import io.gil4j.log.AgentLog;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts every way to steer the agent from outside, as the configuration says: the HTTP endpoint (with its
 * token and the file that tells local tools where it is), the MXBean, and the mode file. Each that cannot
 * start is one line on standard error; the others and the rest of the agent run on. Binding to an address
 * other than loopback needs a configured token of at least {@link #MIN_NETWORK_TOKEN} characters: a token
 * only in a local file would leave the endpoint open to whoever reaches it first, and a short one to whoever
 * guesses it. It also sweeps the files that dead processes left ({@link PrivateFiles#sweep}). {@link
 * #close()} stops them all and deletes the file.
 */
public final class ControlPlane implements AutoCloseable {

    /** The fewest characters of a token that guards an endpoint reachable from the network. */
    public static final int MIN_NETWORK_TOKEN = 16;

    private final List<AutoCloseable> parts = new ArrayList<>();

    private ControlPlane() {}

    /** Starts what {@code config} asks for over {@code agent}. Never throws. */
    public static ControlPlane start(ControlConfig config, AgentStatus agent) {
        ControlPlane plane = new ControlPlane();
        PrivateFiles.sweep();
        plane.parts.add(agent::cancelExperiment);
        plane.startEndpoint(config, agent);
        try {
            JmxControl.register(agent);
            plane.parts.add(JmxControl::unregister);
        } catch (Exception | LinkageError e) {
            AgentLog.warn("JMX control not registered, the rest of the agent runs on: " + e);
        }
        if (config.modeFile() != null) {
            plane.parts.add(ModeFile.follow(config.modeFile(), agent, AgentLog::warn));
        }
        return plane;
    }

    private void startEndpoint(ControlConfig config, AgentStatus agent) {
        int port = config.port();
        if (port < 0) {
            return;
        }
        String host = config.host();
        String token = config.token();
        try {
            if (token.length() < MIN_NETWORK_TOKEN
                    && !InetAddress.getByName(host).isLoopbackAddress()) {
                AgentLog.warn("control endpoint not started: gil4j.control.host=" + host + " is not a loopback"
                        + " address, which needs gil4j.control.token"
                        + (token.isEmpty() ? "" : " (given: " + token.length() + " characters, not shown)")
                        + ": accepted values are at least "
                        + MIN_NETWORK_TOKEN + " printable characters; the rest of the agent runs on");
                return;
            }
            String effectiveToken = token.isEmpty() ? ControlFile.newToken() : token;
            ControlServer server = bind(host, port, config.portDefaulted(), effectiveToken, agent);
            parts.add(server);
            Path file = ControlFile.of(ProcessHandle.current().pid());
            new ControlFile(server.url(), effectiveToken).write(file);
            parts.add(() -> Files.deleteIfExists(file));
            if (config.verbose()) {
                AgentLog.info("control endpoint on " + server.url() + ", token in " + file);
            }
        } catch (PrivateFiles.Exiting e) {
            // a short program: it ends before the endpoint is up
        } catch (IOException | RuntimeException e) {
            AgentLog.warn("control endpoint not started (gil4j.control.host=" + host + ", gil4j.control.port=" + port
                    + "): " + e + "; the rest of the agent runs on");
        }
    }

    private static ControlServer bind(String host, int port, boolean fallBack, String token, AgentStatus agent)
            throws IOException {
        try {
            return ControlServer.start(host, port, token, agent);
        } catch (BindException taken) {
            if (!fallBack) {
                throw taken;
            }
            return ControlServer.start(host, 0, token, agent); // another JVM on this host has the default port
        }
    }

    /** Stops every part, in reverse order of starting. Never throws. */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // going away anyway
            }
        }
        parts.clear();
    }
}
