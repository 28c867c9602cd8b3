package io.gil4j.process;

import io.gil4j.crossing.SerialCodec;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.StringJoiner;

/**
 * One method call to run on a worker: the method by name (declaring class, method name, parameter types as
 * {@link Class#getName()} gives them), the receiver ({@code null} for a static method) and the arguments.
 * The worker finds the method with its own class loader and invokes it; the caller decodes the reply with
 * the loader of the method's declaring class. Immutable (the argument values themselves are not copied
 * until sent).
 */
public final class Call {

    private static final int MAX_PARAMETERS = 255; // the JVM's own limit

    private final String declaringClass;
    private final String methodName;
    private final String[] parameterTypes;
    private final Object receiver;
    private final Object[] args;
    private final ClassLoader loader;

    private Call(
            String declaringClass,
            String methodName,
            String[] parameterTypes,
            Object receiver,
            Object[] args,
            ClassLoader loader) {
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.parameterTypes = parameterTypes;
        this.receiver = receiver;
        this.args = args;
        this.loader = loader;
    }

    /**
     * A call of {@code method} on {@code receiver} with {@code args}.
     *
     * @param receiver {@code null} for a static method, otherwise the object to call it on
     * @throws IllegalArgumentException if a static method gets a receiver, an instance method none, or the
     *     number of arguments differs from the method's
     */
    public static Call of(Method method, Object receiver, Object... args) {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (isStatic != (receiver == null)) {
            throw new IllegalArgumentException(describe(method)
                    + (isStatic ? " is static: pass no receiver" : " is an instance method: pass a receiver"));
        }
        if (args.length != method.getParameterCount()) {
            throw new IllegalArgumentException(
                    describe(method) + " takes " + method.getParameterCount() + " arguments, not " + args.length);
        }
        Class<?>[] types = method.getParameterTypes();
        String[] typeNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            typeNames[i] = types[i].getName();
        }
        ClassLoader loader = method.getDeclaringClass().getClassLoader();
        return new Call(
                method.getDeclaringClass().getName(),
                method.getName(),
                typeNames,
                receiver,
                args.clone(),
                loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /** The method, for messages: {@code com.acme.Foo.bar(int, java.lang.String)}. */
    public String describe() {
        StringJoiner types = new StringJoiner(", ", declaringClass + "." + methodName + "(", ")");
        for (String type : parameterTypes) {
            types.add(type);
        }
        return types.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /** The loader that resolves the classes of this call's reply: the declaring class's on the caller's side. */
    ClassLoader loader() {
        return loader;
    }

    void writeTo(ObjectOutputStream out) throws IOException {
        out.writeUTF(declaringClass);
        out.writeUTF(methodName);
        out.writeInt(parameterTypes.length);
        for (String type : parameterTypes) {
            out.writeUTF(type);
        }
        out.writeObject(receiver);
        out.writeObject(args);
    }

    /** Reads what {@link #writeTo} wrote; the call will find its method with {@code loader}. */
    static Call readFrom(ObjectInputStream in, ClassLoader loader) throws IOException, ClassNotFoundException {
        String declaringClass = in.readUTF();
        String methodName = in.readUTF();
        int count = in.readInt();
        if (count < 0 || count > MAX_PARAMETERS) {
            throw new InvalidObjectException(count + " parameters");
        }
        String[] parameterTypes = new String[count];
        for (int i = 0; i < count; i++) {
            parameterTypes[i] = in.readUTF();
        }
        Object receiver = in.readObject();
        if (!(in.readObject() instanceof Object[] args) || args.length != count) {
            throw new InvalidObjectException("the arguments do not match " + count + " parameters");
        }
        return new Call(declaringClass, methodName, parameterTypes, receiver, args, loader);
    }

    /**
     * Finds the method with this call's loader, makes it accessible and invokes it.
     *
     * @return what the method returned ({@code null} for {@code void})
     * @throws Throwable what the method threw, unwrapped; or why it could not be found or invoked
     */
    Object invoke() throws Throwable {
        Class<?>[] types = new Class<?>[parameterTypes.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> primitive = SerialCodec.PRIMITIVES.get(parameterTypes[i]);
            types[i] = primitive != null ? primitive : Class.forName(parameterTypes[i], false, loader);
        }
        Method method = Class.forName(declaringClass, true, loader).getDeclaredMethod(methodName, types);
        method.setAccessible(true);
        try {
            return method.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
