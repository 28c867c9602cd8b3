package io.gil4j.instrument;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * The methods of one class file that need none of the lock's code: those that have no loop (no jump back to
 * code already seen) and call nothing but {@linkplain #isBounded bounded JDK functions} — the arithmetic of
 * {@code Math} and the primitive wrappers, {@code Object}'s constructor. Such a method runs for a bounded, short time,
 * so it cannot hold the lock for long, and a forced switch waits at most until its caller's next check
 * point: the check its entry and exit would add costs more than it could ever buy, and the added bytes
 * could push a small, hot method past HotSpot's inlining limits. The class file is read once, without
 * debug information, frames or loading anything.
 */
final class ShortMethods {

    private static final Set<String> BOUNDED_OWNERS = Set.of(
            "java/lang/Math",
            "java/lang/StrictMath",
            "java/lang/Integer",
            "java/lang/Long",
            "java/lang/Short",
            "java/lang/Byte",
            "java/lang/Character",
            "java/lang/Boolean",
            "java/lang/Float",
            "java/lang/Double");

    private ShortMethods() {}

    /** The name and descriptor ({@code name(I)J}) of each such method in {@code classFile}. */
    static Set<String> of(byte[] classFile) {
        Set<String> found = new HashSet<>();
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(OpenedClassReader.ASM_API) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                return new Scan(name + descriptor, found);
                            }
                        },
                        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /**
     * Whether a call is to a JDK function that ends in a time bounded by its arguments and calls no code of
     * the application back: a static method of {@code Math}, {@code StrictMath} or a primitive wrapper
     * ({@code Integer.rotateLeft}, {@code Long.valueOf}, {@code Double.compare}, …), or {@code Object}'s
     * constructor. Libraries wrap these in one-line helpers called in their hottest loops (Bouncy Castle's
     * {@code Integers.rotateLeft}, 32 calls a Salsa20 round); a check point there cost more than the rotation.
     */
    static boolean isBounded(int opcode, String owner, String name) {
        if (opcode == Opcodes.INVOKESPECIAL) {
            return owner.equals("java/lang/Object") && name.equals("<init>");
        }
        return opcode == Opcodes.INVOKESTATIC && BOUNDED_OWNERS.contains(owner);
    }

    /** Adds its method to the found set at the end unless it saw a call or a backward jump. */
    private static final class Scan extends MethodVisitor {

        private final String method;
        private final Set<String> found;
        private final BackEdges backEdges = new BackEdges();
        private boolean longer;

        Scan(String method, Set<String> found) {
            super(OpenedClassReader.ASM_API);
            this.method = method;
            this.found = found;
        }

        @Override
        public void visitLabel(Label label) {
            backEdges.visited(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            longer |= backEdges.isBackward(label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            longer |= backEdges.anyBackward(dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            longer |= backEdges.anyBackward(dflt, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            longer |= !isBounded(opcode, owner, name);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            longer = true;
        }

        @Override
        public void visitEnd() {
            if (!longer) {
                found.add(method);
            }
        }
    }
}
