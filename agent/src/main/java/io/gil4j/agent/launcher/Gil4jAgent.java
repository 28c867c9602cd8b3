package io.gil4j.agent.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * The agent jar's entry points: {@code premain} ({@code -javaagent}), {@code agentmain} (attach by PID) and
 * {@code main} (the command line). This class and {@link AgentClassLoader} are the only classes of the jar
 * an application can see; they use JDK types only and do as little as possible: open the agent's own class
 * loader, have it write the bootstrap jar where only this user can write ({@code io.gil4j.files.PrivateFiles})
 * and put that on the bootstrap class path, and hand over. Nothing here throws into
 * the host: a failure is one line on standard error and the application runs without the agent.
 */
public final class Gil4jAgent {

    private static final String INSTALLER = "io.gil4j.agent.AgentInstaller";
    private static final String CLI = "io.gil4j.cli.Cli";
    private static final String PRIVATE_FILES = "io.gil4j.files.PrivateFiles";
    /** Where {@link #agentmain} leaves its verdict (outside {@code gil4j.*}, which configures the agent). */
    public static final String VERDICT_PROPERTY = "io.gil4j.attach.verdict";

    private Gil4jAgent() {}

    public static void premain(String agentArgument, Instrumentation instrumentation) {
        start(agentArgument, instrumentation);
    }

    /**
     * Starts the agent in a running JVM (or detaches it) and leaves the verdict in the system property
     * {@value #VERDICT_PROPERTY}, where the attach command reads it through the same attach connection once
     * this method returned: so the user sees the target's answer (started, or why not) without reading the
     * target's standard error.
     */
    public static void agentmain(String agentArgument, Instrumentation instrumentation) {
        System.setProperty(VERDICT_PROPERTY, start(agentArgument, instrumentation));
    }

    /** The command-line interface: {@code java -jar gil4j-agent.jar --help}. */
    public static void main(String[] args) throws Exception {
        ClassLoader loader = new AgentClassLoader(agentJar());
        Method main = loader.loadClass(CLI).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }

    /** Starts (or detaches) the agent; returns its verdict, one line. */
    private static synchronized String start(String agentArgument, Instrumentation instrumentation) {
        try {
            File jar = agentJar();
            ClassLoader loader = new AgentClassLoader(jar);
            if (!bootstrapVisible()) { // the bootstrap jar goes where only this user can write: it is trusted code
                File bootstrap = (File) loader.loadClass(PRIVATE_FILES)
                        .getMethod("bootstrapJar", File.class)
                        .invoke(null, jar);
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootstrap));
            }
            Method install = loader.loadClass(INSTALLER).getMethod("install", String.class, Instrumentation.class);
            return String.valueOf(install.invoke(null, agentArgument, instrumentation));
        } catch (Throwable t) {
            String verdict = "agent disabled, the application runs without it: " + t;
            System.err.println("[gil4j] " + verdict);
            return verdict;
        }
    }

    private static boolean bootstrapVisible() {
        try {
            Class.forName("io.gil4j.bootstrap.Hooks", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static File agentJar() throws URISyntaxException {
        return new File(Gil4jAgent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}
