package io.gil4j.demo.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.api.Mode;
import io.gil4j.demo.mode.RecordingModeControl;
import io.gil4j.demo.workload.Size;
import io.gil4j.demo.workload.WorkloadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ServeCommandTest {

    private static ServeCommand parse(String... args) {
        ServeCommand command = new ServeCommand(new RecordingModeControl(false, Mode.NATIVE), new CountDownLatch(0));
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void serve_defaults_to_primes_on_loopback_8080_with_16_threads_and_no_cycle() {
        ServeCommand options = parse();
        assertEquals("127.0.0.1", options.host);
        assertEquals(8080, options.port);
        assertEquals(WorkloadKind.PRIMES, options.task.workload());
        assertEquals(Size.DEFAULT, options.task.size());
        assertEquals(16, options.threads);
        assertEquals(List.of(), options.cycle());
        assertEquals(Duration.ofSeconds(30), options.dwell);
    }

    @Test
    void serve_reads_every_option() {
        ServeCommand options = parse(
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--workload",
                "hash",
                "--size",
                "small",
                "--threads",
                "2",
                "--cycle",
                "sequential,interpreters",
                "--dwell",
                "5s");
        assertEquals("0.0.0.0", options.host);
        assertEquals(0, options.port);
        assertEquals(WorkloadKind.HASH, options.task.workload());
        assertEquals(Size.SMALL, options.task.size());
        assertEquals(2, options.threads);
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.INTERPRETERS), options.cycle());
        assertEquals(Duration.ofSeconds(5), options.dwell);
    }

    @Test
    void a_bad_port_or_mode_is_named_with_what_is_accepted() {
        String port = assertThrows(ParameterException.class, () -> parse("--port", "70000"))
                .getMessage();
        assertTrue(port.contains("--port") && port.contains("0 to 65535"), port);
        String mode = assertThrows(ParameterException.class, () -> parse("--cycle", "gil,fast"))
                .getMessage();
        assertTrue(mode.contains("'fast'") && mode.contains("native, gil, sequential, interpreters, processes"), mode);
    }
}
