package io.gil4j.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * How much of the lock's code each method of one selected class file needs, read from the class file alone
 * (once, without debug information, frames or loading anything) before Byte Buddy parses it.
 *
 * <p><b>No code at all</b> — a <i>short</i> method: no loop and no call but {@linkplain BoundedCalls bounded JDK
 * functions}. It runs for a short, bounded time, so it cannot hold the lock for long, and a forced switch waits
 * at most until its caller's next check point; the added bytes could push it past HotSpot's inlining limits.
 *
 * <p><b>No entry check point</b> — a <i>covered</i> method: every stretch of its own code ends at a check
 * point soon. It is not short; each of its loops has a check point on its back-edge (none is an innermost
 * loop that calls nothing); every call it makes goes to a selected class, whose methods check for themselves,
 * or to {@linkplain BoundedCalls#isBoundedJdkCode JDK code that its arguments bound}; and it is not part of a recursion that this class file shows (a cycle through the
 * methods the class declares, a call to one of the same name and descriptor on any class counting as a
 * call to it, so that {@code left.eval()} inside {@code eval()} does). A thread that does not hold the lock
 * runs it without the lock only until its first call or back-edge, where it takes the lock; a holder answers a
 * drop request there. CPython checks its eval breaker at every function's entry ({@code RESUME}) as well; HotSpot
 * polls for safepoints at returns and back-edges only, and a check that the next one makes redundant is the
 * kind C2 leaves out. Most small methods of a library are covered (a JSON parser's {@code _skipColon} calls
 * only its own class), and the entry check point they no longer carry was most of what {@code gil} cost on
 * one thread with every library class selected.
 *
 * <p>Not seen from one class file: a recursion through two classes' methods of different names, every one of
 * them covered (a visitor's {@code accept} and {@code visitAdd}), runs between check points for as long as
 * the structure it walks; and a call to a selected class's method that it inherits from an unselected one runs
 * that code before the next check point. Every other method gets a check point at entry.
 */
final class LockPlan {

    /** The plan for a class that gets no lock code. */
    static final LockPlan NONE = new LockPlan(Set.of(), Set.of());

    private final Set<String> shortMethods;
    private final Set<String> coveredMethods;

    private LockPlan(Set<String> shortMethods, Set<String> coveredMethods) {
        this.shortMethods = shortMethods;
        this.coveredMethods = coveredMethods;
    }

    /**
     * The plan for {@code classFile}; {@code selected} tells, by its internal name ({@code a/b/C}), whether a
     * class gets the lock's code.
     */
    static LockPlan of(byte[] classFile, Predicate<String> selected) {
        Map<String, Scan> scans = new HashMap<>();
        Map<String, Boolean> owners = new HashMap<>();
        Predicate<String> selectedOwner = owner -> owners.computeIfAbsent(owner, selected::test);
        new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                Scan scan = new Scan(selectedOwner);
                scans.put(name + descriptor, scan);
                return scan;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Set<String> shortMethods = new HashSet<>();
        Set<String> covered = new HashSet<>();
        Set<String> recursive = new Recursion(scans).methods();
        scans.forEach((method, scan) -> {
            if (scan.isShort()) {
                shortMethods.add(method);
            } else if (scan.checksItsOwnWork() && !recursive.contains(method)) {
                covered.add(method);
            }
        });
        return new LockPlan(shortMethods, covered);
    }

    /** True if {@code method} ({@code name(I)J}) gets the lock's code. */
    boolean locks(String method) {
        return !shortMethods.contains(method);
    }

    /** True if {@code method}, when it gets the lock's code, gets a check point at its entry. */
    boolean checksEntry(String method) {
        return !coveredMethods.contains(method);
    }

    /** What one method's instructions show, as they stream past. */
    private static final class Scan extends MethodVisitor {

        private final Predicate<String> selected;
        private final BackEdges backEdges = new BackEdges();
        private final Set<String> callees = new HashSet<>();
        private boolean loops;
        private boolean calls;
        private boolean uncheckedLoop;
        private boolean callsUnchecked;

        Scan(Predicate<String> selected) {
            super(OpenedClassReader.ASM_API);
            this.selected = selected;
        }

        boolean isShort() {
            return !loops && !calls;
        }

        boolean checksItsOwnWork() {
            return !uncheckedLoop && !callsUnchecked;
        }

        @Override
        public void visitLabel(Label label) {
            backEdges.visited(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            boolean backward = backEdges.isBackward(label);
            loops |= backward;
            uncheckedLoop |= backward && !backEdges.closesLoopWithWork(label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            loops |= backEdges.anyBackward(dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            loops |= backEdges.anyBackward(dflt, labels);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (BoundedCalls.isBounded(opcode, owner, name)) {
                return;
            }
            calls = true;
            backEdges.called();
            callees.add(name + descriptor);
            callsUnchecked |= !BoundedCalls.isBoundedJdkCode(owner, name) && !selected.test(owner);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                Object... arguments) {
            calls = true;
            backEdges.called();
            callsUnchecked |= !BoundedCalls.linksJdkOnly(bootstrap);
        }
    }

    /**
     * The methods that lie on a cycle of the class's own call graph (Tarjan's strongly connected components,
     * iterative: a class may declare thousands of methods).
     */
    private static final class Recursion {

        private final Map<String, Scan> scans;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final Set<String> recursive = new HashSet<>();

        Recursion(Map<String, Scan> scans) {
            this.scans = scans;
        }

        Set<String> methods() {
            for (String method : scans.keySet()) {
                if (!index.containsKey(method)) {
                    connect(method);
                }
            }
            return recursive;
        }

        private List<String> callees(String method) {
            List<String> declared = new ArrayList<>();
            for (String callee : scans.get(method).callees) {
                if (scans.containsKey(callee)) {
                    declared.add(callee);
                }
            }
            return declared;
        }

        private void connect(String root) {
            Deque<Frame> frames = new ArrayDeque<>();
            frames.push(open(root));
            while (!frames.isEmpty()) {
                Frame frame = frames.peek();
                if (frame.next < frame.callees.size()) {
                    String callee = frame.callees.get(frame.next++);
                    if (!index.containsKey(callee)) {
                        frames.push(open(callee));
                    } else if (onStack.contains(callee)) {
                        lowLink.merge(frame.method, index.get(callee), Math::min);
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    lowLink.merge(frames.peek().method, lowLink.get(frame.method), Math::min);
                }
                if (lowLink.get(frame.method).equals(index.get(frame.method))) {
                    closeComponent(frame);
                }
            }
        }

        private Frame open(String method) {
            index.put(method, index.size());
            lowLink.put(method, index.get(method));
            stack.push(method);
            onStack.add(method);
            return new Frame(method, callees(method));
        }

        private void closeComponent(Frame root) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(root.method));
            if (component.size() > 1 || root.callees.contains(root.method)) {
                recursive.addAll(component);
            }
        }

        private static final class Frame {
            final String method;
            final List<String> callees;
            int next;

            Frame(String method, List<String> callees) {
                this.method = method;
                this.callees = callees;
            }
        }
    }
}
