package io.gil4j.instrument;

/**
 * One blocking JDK method and its stand-in in {@code io.gil4j.bootstrap.Blocking}.
 *
 * @param owner internal name of the type that declares the method, e.g. {@code java/io/InputStream}; for
 *     an instance method, calls on any subtype match too
 * @param name the method's name
 * @param descriptor the method's descriptor
 * @param isStatic true for a static method (calls must name {@code owner} exactly)
 * @param standIn the stand-in's name; it takes the receiver first for an instance method
 */
record BlockingCall(String owner, String name, String descriptor, boolean isStatic, String standIn) {

    /** The internal name of the class that holds every stand-in. */
    static final String STAND_INS = "io/gil4j/bootstrap/Blocking";

    /** The stand-in's descriptor: the method's own, with the receiver type first for an instance method. */
    String standInDescriptor() {
        return isStatic ? descriptor : "(L" + owner + ";" + descriptor.substring(1);
    }
}
