package io.gil4j.instrument;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites the body of an instrumented method in one pass, without recomputing frames:
 *
 * <ul>
 *   <li>at its entry it inserts a call to {@code Hooks.checkpoint()}, where a thread without the lock takes
 *       it (there is no exit counterpart: the thread keeps the lock, see {@code Hooks}), unless
 *       {@link EntryChecks} rules the entry check out;
 *   <li>before every jump to a label already visited — a loop back-edge — it inserts a call to
 *       {@code Hooks.checkpoint()}, which takes no argument and returns nothing, so neither the operand
 *       stack nor the frames change (the way Lincheck finds back-branches); except where the back-edge
 *       closes an innermost loop that calls nothing ({@link BackEdges#closesLoopWithWork});
 *   <li>it replaces each call to a {@linkplain BlockingCalls blocking JDK method} by a call to its
 *       stand-in, which releases the lock around it. Only {@code invokestatic}, {@code invokevirtual} and
 *       {@code invokeinterface} are replaced; {@code super} calls are left alone. Whether an instance call's
 *       owner is a subtype of the table's type is answered by the transformation's type pool, which reads
 *       class files without loading them; an owner it cannot resolve is left alone.
 * </ul>
 */
final class CheckpointInserter implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

    private static final String HOOKS = "io/gil4j/bootstrap/Hooks";

    private final BlockingCalls blockingCalls;
    private final Map<String, Boolean> subtypeCache = new ConcurrentHashMap<>();

    CheckpointInserter(BlockingCalls blockingCalls) {
        this.blockingCalls = blockingCalls;
    }

    @Override
    public MethodVisitor wrap(
            TypeDescription instrumentedType,
            MethodDescription instrumentedMethod,
            MethodVisitor methodVisitor,
            Implementation.Context implementationContext,
            TypePool typePool,
            int writerFlags,
            int readerFlags) {
        return new Rewriter(
                methodVisitor, typePool, ClassFilter.current().entryChecks.at(instrumentedType, instrumentedMethod));
    }

    private final class Rewriter extends MethodVisitor {

        private final TypePool typePool;
        private final BackEdges backEdges = new BackEdges();
        private final boolean entryCheck;

        Rewriter(MethodVisitor delegate, TypePool typePool, boolean entryCheck) {
            super(OpenedClassReader.ASM_API, delegate);
            this.typePool = typePool;
            this.entryCheck = entryCheck;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (entryCheck) {
                checkpoint();
            }
        }

        @Override
        public void visitLabel(Label label) {
            backEdges.visited(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (backEdges.closesLoopWithWork(label)) {
                checkpoint();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (backEdges.anyBackward(dflt, labels)) {
                checkpoint();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (backEdges.anyBackward(dflt, labels)) {
                checkpoint();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private void checkpoint() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "checkpoint", "()V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (!ShortMethods.isBounded(opcode, owner, name)) {
                backEdges.called();
            }
            BlockingCall call = opcode == Opcodes.INVOKESPECIAL ? null : match(opcode, owner, name, descriptor);
            if (call == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, BlockingCall.STAND_INS, call.standIn(), call.standInDescriptor(), false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            backEdges.called();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        private BlockingCall match(int opcode, String owner, String name, String descriptor) {
            boolean isStatic = opcode == Opcodes.INVOKESTATIC;
            for (BlockingCall call : blockingCalls.candidates(name, descriptor)) {
                if (call.isStatic() != isStatic) {
                    continue;
                }
                if (call.owner().equals(owner)
                        || (!isStatic && BlockingCalls.isObject(call.owner()))
                        || (!isStatic && isSubtype(owner, call.owner()))) {
                    return call;
                }
            }
            return null;
        }

        private boolean isSubtype(String owner, String family) {
            if (owner.startsWith("[")) {
                return false;
            }
            return subtypeCache.computeIfAbsent(owner + ' ' + family, key -> resolveSubtype(owner, family));
        }

        private boolean resolveSubtype(String owner, String family) {
            try {
                TypePool.Resolution resolution = typePool.describe(owner.replace('/', '.'));
                if (!resolution.isResolved()) {
                    return false;
                }
                TypePool.Resolution familyResolution = typePool.describe(family.replace('/', '.'));
                return familyResolution.isResolved() && resolution.resolve().isAssignableTo(familyResolution.resolve());
            } catch (RuntimeException | LinkageError unresolvable) {
                return false;
            }
        }
    }
}
