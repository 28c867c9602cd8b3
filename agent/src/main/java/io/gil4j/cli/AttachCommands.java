package io.gil4j.cli;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.gil4j.control.ControlFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code attach <pid> [key=value …]} loads the agent into a running JVM (its {@code agentmain}, which
 * retransforms the classes already loaded that the configuration selects); {@code list} shows the local
 * JVMs and which have the agent. Both need a JDK's {@code jdk.attach} module and a JVM of the same user.
 * Attaching to a JVM that has the agent already is harmless: the second agent sees the first and steps
 * aside.
 */
final class AttachCommands {

    private static final long CONTROL_WAIT_MILLIS = 10_000;

    private AttachCommands() {}

    static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println("usage: java -jar gil4j-agent.jar attach <pid> [key=value ...]");
            out.println("Loads the agent into the running JVM <pid> with the given configuration (the keys of --help),");
            out.println("instrumenting the classes it has loaded and those it loads later. The target JVM must run as");
            out.println("this user; on JDK 21 and later it prints a warning unless -XX:+EnableDynamicAgentLoading.");
            return args.length == 0 ? 2 : 0;
        }
        String pid = args[0];
        if (!pid.matches("\\d+")) {
            err.println("gil4j attach: '" + pid + "' is not a process id; see attach --help");
            return 2;
        }
        String options = String.join(",", Arrays.copyOfRange(args, 1, args.length));
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(agentJar().toString(), options);
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | AgentLoadException | IOException | URISyntaxException e) {
            err.println("gil4j attach: could not attach to " + pid + ": " + e.getMessage());
            return 1;
        } catch (com.sun.tools.attach.AgentInitializationException e) {
            err.println("gil4j attach: the agent failed to start in " + pid + ": " + e.getMessage());
            return 1;
        }
        Optional<ControlFile> control = awaitControl(Long.parseLong(pid));
        out.println("gil4j attached to " + pid + (control.isPresent() ? ", control endpoint " + control.get().url()
                : " (no control endpoint: gil4j.control.port=off, or see the JVM's standard error)"));
        return 0;
    }

    static int list(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            out.println("usage: java -jar gil4j-agent.jar list");
            out.println("Lists the JVMs of this user on this machine: process id, gil4j's control endpoint if it is");
            out.println("attached, and the main class or jar.");
            return args[0].equals("--help") || args[0].equals("-h") ? 0 : 2;
        }
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            if (vm.id().equals(Long.toString(self))) {
                continue;
            }
            Optional<ControlFile> control = vm.id().matches("\\d+") ? ControlFile.read(ControlFile.of(Long.parseLong(vm.id())))
                    : Optional.empty();
            out.printf("%-8s %-28s %s%n", vm.id(), control.map(c -> "gil4j " + c.url()).orElse("-"), vm.displayName());
        }
        return 0;
    }

    private static Optional<ControlFile> awaitControl(long pid) {
        Path file = ControlFile.of(pid);
        long deadline = System.nanoTime() + CONTROL_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(file)) {
                return ControlFile.read(file);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private static Path agentJar() throws URISyntaxException {
        return Paths.get(AttachCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
