package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;

class CheckpointInserterTest {

    /** Methods whose rewritten bodies the test inspects. */
    static final class Sample {
        static long loop(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += i;
            }
            return s;
        }

        static long nested(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                int j = 0;
                while (j < i) {
                    s += j++;
                }
            }
            return s;
        }

        static long arithmetic(int n) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(i - n / 2);
            }
            return s;
        }

        static int calling(List<Integer> values) {
            int s = 0;
            for (int i = 0; i < values.size(); i++) {
                s += values.get(i);
            }
            return s;
        }

        static long straight(int a) {
            return a > 0 ? a : -a;
        }

        static void blocking(InputStream in, Object monitor) throws IOException, InterruptedException {
            Thread.sleep(1); // the behaviour under test: a blocking call the inserter must wrap, never run
            in.read();
            new ByteArrayInputStream(new byte[1]).read();
            synchronized (monitor) {
                monitor.wait(1);
            }
        }
    }

    @Test
    void the_entry_gets_one_check_point_and_so_does_each_loop_that_calls_or_holds_a_loop() throws Exception {
        String checkpoint = "io/gil4j/bootstrap/Hooks.checkpoint";
        assertEquals(
                List.of(
                        checkpoint,
                        "java/util/List.size",
                        "java/util/List.get",
                        "java/lang/Integer.intValue",
                        checkpoint),
                rewrittenCalls("calling"));
        assertEquals(
                2,
                rewrittenCalls("nested").stream()
                        .filter(c -> c.endsWith("checkpoint"))
                        .count());
        assertEquals(List.of(checkpoint), rewrittenCalls("straight"));
    }

    @Test
    void an_innermost_loop_that_calls_nothing_or_only_bounded_jdk_functions_has_no_check_point() throws Exception {
        String checkpoint = "io/gil4j/bootstrap/Hooks.checkpoint";
        assertEquals(List.of(checkpoint), rewrittenCalls("loop"));
        assertEquals(List.of(checkpoint, "java/lang/Math.abs"), rewrittenCalls("arithmetic"));
    }

    @Test
    void blocking_calls_are_replaced_by_stand_ins_including_on_subtypes() throws Exception {
        assertEquals(
                List.of(
                        "io/gil4j/bootstrap/Hooks.checkpoint",
                        "io/gil4j/bootstrap/Blocking.sleep",
                        "io/gil4j/bootstrap/Blocking.read",
                        "java/io/ByteArrayInputStream.<init>",
                        "io/gil4j/bootstrap/Blocking.read",
                        "io/gil4j/bootstrap/Blocking.waitOn"),
                rewrittenCalls("blocking"));
    }

    /** The owner.name of every method call in {@code method} after the rewrite. */
    private static List<String> rewrittenCalls(String method) throws Exception {
        byte[] bytes = new ByteBuddy()
                .redefine(Sample.class)
                .visit(new AsmVisitorWrapper.ForDeclaredMethods()
                        .method(ElementMatchers.named(method), new CheckpointInserter(BlockingCalls.standard())))
                .make()
                .getBytes();
        List<String> calls = new ArrayList<>();
        new ClassReader(bytes)
                .accept(
                        new ClassVisitor(OpenedClassReader.ASM_API) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String sig, String[] ex) {
                                if (!name.equals(method)) {
                                    return null;
                                }
                                return new MethodVisitor(OpenedClassReader.ASM_API) {
                                    @Override
                                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                                        calls.add(owner + "." + n);
                                    }
                                };
                            }
                        },
                        0);
        return calls;
    }
}
