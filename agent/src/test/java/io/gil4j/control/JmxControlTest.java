package io.gil4j.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MXBean as a JMX client sees it, through the platform MBean server. */
class JmxControlTest {

    private final ControlFixture fixture = new ControlFixture();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void unregister() {
        JmxControl.unregister();
    }

    @Test
    void the_mode_is_a_read_write_attribute_beside_the_statistics() throws Exception {
        ObjectName name = JmxControl.register(fixture.agent);
        assertEquals(new ObjectName("io.gil4j:type=Control"), name);
        assertEquals("native", server.getAttribute(name, "Mode"));
        server.setAttribute(name, new Attribute("Mode", "gil"));
        assertEquals("gil", fixture.agent.mode());
        assertEquals(1L, server.getAttribute(name, "Transitions"));
        assertArrayEquals(new String[] {"native", "gil", "sequential", "interpreters", "processes"}, (String[])
                server.getAttribute(name, "Modes"));
        assertTrue(((String) server.getAttribute(name, "StatusJson")).contains("\"mode\":\"gil\""));
    }

    @Test
    void an_unknown_mode_fails_with_the_accepted_ones_and_leaves_the_mode() throws Exception {
        ObjectName name = JmxControl.register(fixture.agent);
        RuntimeMBeanException e = assertThrows(
                RuntimeMBeanException.class, () -> server.setAttribute(name, new Attribute("Mode", "turbo")));
        assertTrue(
                e.getCause().getMessage().contains("accepted values are native, gil"),
                e.getCause().getMessage());
        assertEquals("native", fixture.agent.mode());
    }

    @Test
    void registering_again_replaces_the_earlier_bean_and_unregister_removes_it() throws Exception {
        JmxControl.register(fixture.agent);
        ObjectName name = JmxControl.register(new ControlFixture().agent);
        assertTrue(server.isRegistered(name));
        JmxControl.unregister();
        assertFalse(server.isRegistered(name));
    }
}
