package io.gil4j.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.bootstrap.Offloaded;
import org.junit.jupiter.api.Test;

class MarkedCallTest {

    static final class Sample {
        static int count() {
            return 1;
        }

        static CharSequence text() {
            return "text";
        }

        static void nothing() {}
    }

    private static MarkedCall call(String nameAndDescriptor) throws NoSuchMethodException {
        return MarkedCall.of(Sample.class, nameAndDescriptor, null, new Object[0]);
    }

    @Test
    void a_value_the_method_can_return_is_delivered_as_it_is() throws Exception {
        Offloaded boxed = Offloaded.returned("processes", 7);
        Offloaded subtype = Offloaded.returned("processes", new StringBuilder("x"));
        Offloaded none = Offloaded.returned("processes", null);

        assertSame(boxed, call("count()I").deliverable(boxed));
        assertSame(subtype, call("text()Ljava/lang/CharSequence;").deliverable(subtype));
        assertSame(none, call("text()Ljava/lang/CharSequence;").deliverable(none));
        assertSame(subtype, call("nothing()V").deliverable(subtype));
    }

    @Test
    void a_throwable_and_a_call_not_run_are_delivered_as_they_are() throws Exception {
        Offloaded threw = Offloaded.threw("interpreters", new IllegalStateException("the method's own"));

        assertSame(threw, call("count()I").deliverable(threw));
        assertSame(null, call("count()I").deliverable(null));
    }

    @Test
    void a_value_the_method_cannot_return_becomes_a_counted_class_cast_naming_both_types() throws Exception {
        long failures = Hooks.failures();

        Offloaded wrongBox = call("count()I").deliverable(Offloaded.returned("processes", 7L));
        Offloaded nullForPrimitive = call("count()I").deliverable(Offloaded.returned("processes", null));
        Offloaded wrongClass = call("text()Ljava/lang/CharSequence;").deliverable(Offloaded.returned("processes", 3));

        ClassCastException wrong = assertInstanceOf(ClassCastException.class, wrongBox.thrown());
        assertEquals(
                "gil4j: the processes route returned java.lang.Long from " + Sample.class.getName()
                        + ".count, which returns int",
                wrong.getMessage());
        assertEquals("processes", wrongBox.mode());
        assertInstanceOf(ClassCastException.class, nullForPrimitive.thrown());
        assertTrue(wrongClass.thrown().getMessage().endsWith("which returns java.lang.CharSequence"));
        assertEquals(failures + 3, Hooks.failures());
    }
}
