package io.gil4j.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;

/**
 * Lets go of the agent's record classes that JDK 17 keeps in shared method-handle caches, at detach.
 *
 * <p>A record's {@code equals}, {@code hashCode} and {@code toString} are linked by {@link
 * ObjectMethods#bootstrap}, which adapts static method handles shared by all records ({@code asType}); before
 * JDK 18 each handle keeps its last adaptation strongly (JDK-8078641), and with it the last record class and
 * its class loader. After a detach that was the agent's loader with every class it defined: the web
 * service's {@code AttachIT} grew Metaspace by 9.6 MB a cycle once {@code advise} had marked a method (the
 * path: {@code ObjectMethods.OBJECT_EQ.asTypeCache} to {@code MarkedWork.Series}). Linking the three methods
 * once more, for JDK types, puts those in the caches instead (types other than the handles' own: an {@code
 * asType} to a handle's own type returns it and leaves its cache as it was). Runs as the last part to stop.
 */
final class RecordMethodCaches implements AutoCloseable {

    @Override
    public void close() {
        if (Runtime.version().feature() >= 18) {
            return;
        }
        try {
            linkForJdkTypes();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable notLinked) {
            // the caches keep what they held, as they did before
        }
    }

    /** Links the three methods for {@code Record} with one {@code String} component: types unlike the handles' own. */
    private static void linkForJdkTypes() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle component = MethodHandles.dropArguments(MethodHandles.constant(String.class, ""), 0, Record.class);
        ObjectMethods.bootstrap(
                lookup,
                "equals",
                MethodType.methodType(boolean.class, Record.class, Object.class),
                Record.class,
                "value",
                component);
        ObjectMethods.bootstrap(
                lookup, "hashCode", MethodType.methodType(int.class, Record.class), Record.class, "value", component);
        ObjectMethods.bootstrap(
                lookup,
                "toString",
                MethodType.methodType(String.class, Record.class),
                Record.class,
                "value",
                component);
    }
}
