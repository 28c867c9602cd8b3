package io.gil4j.control;

import io.gil4j.api.Mode;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** The {@link ControlMXBean} over an {@link AgentStatus}, and its registration. */
public final class JmxControl implements ControlMXBean {

    /** The object name it is registered under. */
    public static final String NAME = "io.gil4j:type=Control";

    private final AgentStatus agent;

    private JmxControl(AgentStatus agent) {
        this.agent = agent;
    }

    /**
     * Registers the MXBean in the platform MBean server, replacing one left by an earlier attach.
     *
     * @throws JMException if the server refuses it
     */
    public static ObjectName register(AgentStatus agent) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(new JmxControl(agent), ControlMXBean.class, true), name);
        return name;
    }

    /** Unregisters the MXBean, if registered. */
    public static void unregister() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            // nothing registered, or already gone
        }
    }

    @Override
    public String getMode() {
        return agent.mode();
    }

    @Override
    public void setMode(String mode) {
        agent.switchMode(mode);
    }

    @Override
    public String[] getModes() {
        return Mode.accepted().split(", ");
    }

    @Override
    public long getTransitions() {
        return agent.transitions();
    }

    @Override
    public double getSpeedup() {
        return agent.speedup();
    }

    @Override
    public String getStatusJson() {
        return Json.write(agent.status());
    }
}
