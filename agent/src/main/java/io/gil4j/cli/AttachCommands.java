package io.gil4j.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.gil4j.agent.AgentInstaller;
import io.gil4j.agent.launcher.Gil4jAgent;
import io.gil4j.control.ControlFile;
import io.gil4j.files.PrivateFiles;
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
 * retransforms the classes already loaded that the configuration selects); {@code detach <pid>} loads it
 * again with the argument {@value AgentInstaller#DETACH}, which takes the first one out; {@code list} shows
 * the local JVMs and which have the agent. Both need a JDK's {@code jdk.attach} module and a JVM of the same user.
 * Each command exits 0 only when the agent in the target did what was asked, as its verdict says; otherwise
 * it prints the target's reason (an unknown key, a bad value, an agent already installed) and exits 1.
 * Attaching to a JVM that has the agent already is harmless: the second agent sees the first and steps
 * aside, changing nothing.
 */
final class AttachCommands {

    private static final long CONTROL_WAIT_MILLIS = 10_000;

    private AttachCommands() {}

    static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println("usage: java -jar gil4j-agent.jar attach <pid> [key=value ...]");
            out.println(
                    "Loads the agent into the running JVM <pid> with the given configuration (the keys of --help),");
            out.println("instrumenting the classes it has loaded and those it loads later. The target JVM must run as");
            out.println("this user; on JDK 21 and later it prints a warning unless -XX:+EnableDynamicAgentLoading.");
            return args.length == 0 ? 2 : 0;
        }
        String pid = args[0];
        if (!pid.matches("\\d+")) {
            err.println("gil4j attach: '" + pid + "' is not a process id; see attach --help");
            return 2;
        }
        String verdict = load(pid, String.join(",", Arrays.copyOfRange(args, 1, args.length)), "attach", err);
        if (verdict == null) {
            return 1;
        }
        if (!verdict.startsWith(AgentInstaller.STARTED)) {
            err.println("gil4j attach: the agent in " + pid + " did not start: " + verdict);
            return 1;
        }
        Optional<ControlFile> control = awaitControl(Long.parseLong(pid), true);
        out.println("gil4j attached to " + pid
                + (control.isPresent()
                        ? ", control endpoint " + control.get().url()
                        : " (no control endpoint: gil4j.control.port=off, or see the JVM's standard error)"));
        out.println(verdict);
        return 0;
    }

    static int detach(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
            boolean help = args.length == 1;
            (help ? out : err).println("usage: java -jar gil4j-agent.jar detach <pid>");
            out.println("Takes the agent out of the running JVM <pid>: switches to native, restores the original");
            out.println("bytecode of every class it changed, and stops every thread and server it started.");
            return help ? 0 : 2;
        }
        String pid = args[0];
        if (!pid.matches("\\d+")) {
            err.println("gil4j detach: '" + pid + "' is not a process id; see detach --help");
            return 2;
        }
        String verdict = load(pid, AgentInstaller.DETACH, "detach", err);
        if (verdict == null) {
            return 1;
        }
        if (!verdict.equals(AgentInstaller.DETACHED)) {
            err.println("gil4j detach: " + pid + " answered: " + verdict);
            return 1;
        }
        awaitControl(Long.parseLong(pid), false);
        out.println("gil4j detached from " + pid);
        return 0;
    }

    /**
     * Loads the agent jar into {@code pid} with {@code argument} and returns the agent's verdict, which its
     * {@code agentmain} left in a system property of the target before the load returned; null, with a
     * message, if the load failed.
     */
    private static String load(String pid, String argument, String command, PrintStream err) {
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(agentJar().toString(), argument);
                String verdict = vm.getSystemProperties().getProperty(Gil4jAgent.VERDICT_PROPERTY);
                return verdict != null ? verdict : "no verdict from the agent (an older gil4j in the target?)";
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | AgentLoadException | IOException | URISyntaxException e) {
            err.println("gil4j " + command + ": could not attach to " + pid + ": " + e.getMessage());
        } catch (AgentInitializationException e) {
            err.println("gil4j " + command + ": the agent failed in " + pid + ": " + e.getMessage());
        }
        return null;
    }

    static int list(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            out.println("usage: java -jar gil4j-agent.jar list");
            out.println("Lists the JVMs of this user on this machine: process id, gil4j's control endpoint if it is");
            out.println("attached, and the main class or jar.");
            return args[0].equals("--help") || args[0].equals("-h") ? 0 : 2;
        }
        PrivateFiles.sweep(); // the control files of JVMs that died without deleting theirs
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            if (vm.id().equals(Long.toString(self))) {
                continue;
            }
            Optional<ControlFile> control = vm.id().matches("\\d+")
                    ? ControlFile.read(ControlFile.of(Long.parseLong(vm.id())))
                    : Optional.empty();
            out.printf(
                    "%-8s %-28s %s%n",
                    vm.id(), control.map(c -> "gil4j " + c.url()).orElse("-"), vm.displayName());
        }
        return 0;
    }

    /** Waits until {@code pid}'s control file exists (or, with {@code present} false, is gone); its content. */
    private static Optional<ControlFile> awaitControl(long pid, boolean present) {
        Path file = ControlFile.of(pid);
        long deadline = System.nanoTime() + CONTROL_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(file) == present) {
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
        return Paths.get(AttachCommands.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}
