package io.gil4j.it.app;

import java.lang.reflect.Proxy;

/**
 * Calls a JDK proxy of a package-private interface, which the JDK defines in this package (so the default
 * selection covers it) with a method that stores a caught exception in its parameter's slot. Prints
 * {@code proxied=true}.
 */
public final class ProxyApp {

    interface Probe {
        boolean isPresent(Class<?> type);
    }

    public static void main(String[] args) {
        Probe probe = (Probe) Proxy.newProxyInstance(
                ProxyApp.class.getClassLoader(),
                new Class<?>[] {Probe.class},
                (proxy, method, arguments) -> arguments[0] == String.class);
        System.out.println("proxied=" + probe.isPresent(String.class));
    }
}
