package io.gil4j.it.app;

/** Prints, for each class name given, whether the application can load it. */
public final class VisibilityApp {

    public static void main(String[] args) {
        for (String name : args) {
            try {
                Class.forName(name, false, VisibilityApp.class.getClassLoader());
                System.out.println("visible " + name);
            } catch (ClassNotFoundException e) {
                System.out.println("hidden " + name);
            }
        }
    }
}
