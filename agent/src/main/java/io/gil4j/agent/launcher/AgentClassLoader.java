package io.gil4j.agent.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.AllPermission;
import java.security.CodeSource;
import java.security.Permissions;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's internals from the {@code inst/} entries of the agent jar, where classes are stored as
 * {@code .classdata} so that no other class loader can find them. Its parent is the platform loader: the
 * agent sees the JDK (the JDK's HTTP server and client included, which the platform loader defines) and,
 * through the bootstrap loader, the bootstrap hooks, never the application's classes; and the application
 * never sees the agent's (Byte Buddy, OpenTelemetry and the rest are relocated besides).
 */
final class AgentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String PREFIX = "inst/";

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain domain;

    AgentClassLoader(File agentJar) throws IOException {
        super("gil4j", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar, false);
        this.jarUrl = agentJar.toURI().toURL();
        // no class loader in the domain: a thread the JDK starts while our code is on the stack (JFR's, on its
        // first use by advise) keeps the domains of that stack in its inherited access control context for
        // good, and a domain naming this loader kept the whole agent after a detach (Metaspace +9 MB a cycle)
        Permissions all = new Permissions();
        all.add(new AllPermission());
        this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), all);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = read(entry);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    protected URL findResource(String name) {
        String entryName = PREFIX + (name.endsWith(".class") ? name.replace(".class", ".classdata") : name);
        if (jar.getJarEntry(entryName) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entryName);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        InputStream parent = super.getResourceAsStream(name);
        if (parent != null) {
            return parent;
        }
        String entryName = PREFIX + (name.endsWith(".class") ? name.replace(".class", ".classdata") : name);
        JarEntry entry = jar.getJarEntry(entryName);
        try {
            return entry == null ? null : jar.getInputStream(entry);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] read(JarEntry entry) {
        try (InputStream in = jar.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(entry.getSize(), 1024));
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
