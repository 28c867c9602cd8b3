package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.bootstrap.Blocking;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

class BlockingCallsTest {

    @Test
    void every_entry_has_a_public_static_stand_in_with_the_receiver_first() {
        Set<String> standIns = Arrays.stream(Blocking.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(m -> m.getName() + Type.getMethodDescriptor(m))
                .collect(Collectors.toSet());
        for (BlockingCall call : BlockingCalls.standard().all()) {
            assertTrue(standIns.contains(call.standIn() + call.standInDescriptor()), "no stand-in for " + call);
        }
    }

    @Test
    void every_entry_names_a_real_jdk_method() throws Exception {
        for (BlockingCall call : BlockingCalls.standard().all()) {
            Class<?> owner = Class.forName(call.owner().replace('/', '.'));
            boolean found = false;
            for (Method m : owner.getMethods()) {
                found |= m.getName().equals(call.name())
                        && Type.getMethodDescriptor(m).equals(call.descriptor())
                        && Modifier.isStatic(m.getModifiers()) == call.isStatic();
            }
            assertTrue(found, "no JDK method " + call);
        }
    }

    @Test
    void candidates_are_found_by_name_and_descriptor() {
        assertEquals(1, BlockingCalls.standard().candidates("sleep", "(J)V").size());
        assertEquals(
                0,
                BlockingCalls.standard()
                        .candidates("sleep", "(Ljava/time/Duration;)V")
                        .size());
    }
}
