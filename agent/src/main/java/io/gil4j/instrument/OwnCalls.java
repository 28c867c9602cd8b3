package io.gil4j.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * What a class's own bytes say about how its methods are entered: which of them call one another in a cycle
 * (a recursion within the class, direct or through other methods of it), and which are the targets of a
 * method handle the class creates (a lambda's body, a method reference to one of its own methods), which the
 * JDK's hidden classes call from outside the selection. Read once per class, without debug information or
 * frames, without loading anything. Methods are named by name and descriptor ({@code name(I)J}).
 */
final class OwnCalls {

    private final Set<String> cyclic;
    private final Set<String> handleTargets;

    private OwnCalls(Set<String> cyclic, Set<String> handleTargets) {
        this.cyclic = cyclic;
        this.handleTargets = handleTargets;
    }

    static OwnCalls of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Scan scan = new Scan(reader.getClassName());
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new OwnCalls(new Cycles(scan.calls).members(), scan.handleTargets);
    }

    /** True if {@code method} calls itself through its class's own methods. */
    boolean isCyclic(String method) {
        return cyclic.contains(method);
    }

    /** True if the class hands {@code method} out as a method handle. */
    boolean isHandleTarget(String method) {
        return handleTargets.contains(method);
    }

    private static final class Scan extends ClassVisitor {

        private final String self;
        final Map<String, Set<String>> calls = new HashMap<>();
        final Set<String> handleTargets = new HashSet<>();

        Scan(String self) {
            super(OpenedClassReader.ASM_API);
            this.self = self;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            Set<String> callees = calls.computeIfAbsent(name + descriptor, k -> new HashSet<>());
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String callee, String calleeDescriptor, boolean isInterface) {
                    if (owner.equals(self)) {
                        callees.add(callee + calleeDescriptor);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(
                        String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        handle(argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    handle(value);
                }
            };
        }

        private void handle(Object constant) {
            if (constant instanceof Handle && ((Handle) constant).getOwner().equals(self)) {
                handleTargets.add(((Handle) constant).getName() + ((Handle) constant).getDesc());
            }
        }
    }

    /**
     * The methods on a cycle of a call graph: Tarjan's strongly connected components, iterative so that a
     * class of thousands of methods cannot overflow the transforming thread's stack. A method is on a cycle if
     * its component has more than one member or it calls itself.
     */
    private static final class Cycles {

        private final Map<String, Set<String>> calls;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final Set<String> members = new HashSet<>();

        Cycles(Map<String, Set<String>> calls) {
            this.calls = calls;
        }

        Set<String> members() {
            for (String method : calls.keySet()) {
                if (!index.containsKey(method)) {
                    visit(method);
                }
            }
            return members;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, Iterator<String>>> path = new ArrayDeque<>();
            open(root, path);
            while (!path.isEmpty()) {
                Map.Entry<String, Iterator<String>> top = path.peek();
                String method = top.getKey();
                if (top.getValue().hasNext()) {
                    String callee = top.getValue().next();
                    if (!calls.containsKey(callee)) {
                        continue; // inherited or missing: not a method of this class file
                    }
                    if (!index.containsKey(callee)) {
                        open(callee, path);
                    } else if (onStack.contains(callee)) {
                        low.put(method, Math.min(low.get(method), index.get(callee)));
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    String caller = path.peek().getKey();
                    low.put(caller, Math.min(low.get(caller), low.get(method)));
                }
                if (low.get(method).equals(index.get(method))) {
                    close(method);
                }
            }
        }

        private void open(String method, Deque<Map.Entry<String, Iterator<String>>> path) {
            index.put(method, index.size());
            low.put(method, index.get(method));
            stack.push(method);
            onStack.add(method);
            path.push(Map.entry(method, calls.get(method).iterator()));
        }

        private void close(String root) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(root));
            if (component.size() > 1 || calls.get(root).contains(root)) {
                members.addAll(component);
            }
        }
    }
}
