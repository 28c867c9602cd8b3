package io.gil4j.it.app;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A class-loader layout other than the class path, as servlet containers and plugin hosts have: the work
 * is defined by a {@link URLClassLoader} of its own over the test classes, whose parent is the platform
 * loader (so the application loader never defines it). The work runs once, then the agent is attached by
 * PID with {@code mode=gil} through the CLI, then four threads run it; prints the count.
 *
 * <p>Argument: the agent jar.
 */
public final class PluginLoaderApp {

    public static void main(String[] args) throws Exception {
        URL classes =
                PluginLoaderApp.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader plugins =
                new URLClassLoader("plugins", new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            IntConsumer plugin = (IntConsumer) plugins.loadClass("io.gil4j.it.app.CountingPlugin")
                    .getConstructor()
                    .newInstance();
            plugin.accept(1_000); // loaded and run before the attach
            System.out.println("attach: " + AttachApp.attach(args[0], "mode=gil,control.port=0,log=info"));
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread worker = new Thread(() -> plugin.accept(500_000));
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            plugin.accept(-1);
        }
    }
}
