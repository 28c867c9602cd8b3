package io.gil4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOutputTest {

    @Test
    void agent_threads_are_the_dump_headers_of_the_agents_and_its_telemetrys_threads() {
        String dump = String.join(
                "\n",
                "12345:",
                "\"main\" #1 prio=5 os_prio=0 tid=0x1 nid=0x2 waiting on condition",
                "\tat java.lang.Thread.sleep(Native Method)",
                "\"gil4j-control\" #20 daemon prio=5",
                "\tat io.gil4j.control.Server.run(Server.java:1)",
                "\"prometheus-http-1-1\" #21 daemon prio=5",
                "\"PeriodicMetricReader-1\" #22 daemon prio=5",
                "\"http-nio-8080-exec-1\" #23 daemon prio=5");
        assertEquals(
                List.of(
                        "\"gil4j-control\" #20 daemon prio=5",
                        "\"prometheus-http-1-1\" #21 daemon prio=5",
                        "\"PeriodicMetricReader-1\" #22 daemon prio=5"),
                AgentOutput.agentThreads(dump));
    }
}
