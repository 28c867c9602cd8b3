package io.gil4j.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.sample.EntrySample;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class EntryChecksTest {

    @Test
    void with_every_class_selected_only_methods_entered_from_outside_or_on_an_own_cycle_check_at_entry() {
        EntryChecks checks = EntryChecks.whereEntered(ClassFiles.of(EntrySample.Entered.class));
        TypeDescription type = TypeDescription.ForLoadedType.of(EntrySample.Entered.class);
        Set<String> checked = new TreeSet<>();
        for (MethodDescription method : type.getDeclaredMethods().filter(m -> m.isMethod() && !m.isBridge())) {
            if (checks.at(type, method)) {
                checked.add(method.getName());
            }
        }
        // run, compareTo, toString: the JDK's types declare them; twice: a method reference; recursive: calls
        // itself; main: the launcher's entry. helper, template (declared by a selected type), supplier and
        // helperOfStatic are entered only by selected code.
        assertEquals(Set.of("run", "compareTo", "toString", "twice", "recursive", "main"), checked);
    }

    @Test
    void when_a_supertype_cannot_be_read_every_method_checks_at_entry() {
        byte[] classFile = ClassFiles.of(EntrySample.Entered.class);
        TypePool alone = TypePool.Default.of(ClassFileLocator.Simple.of(
                EntrySample.Entered.class.getName(),
                classFile)); // finds neither the selected base class nor the JDK's types
        TypeDescription type =
                alone.describe(EntrySample.Entered.class.getName()).resolve();
        EntryChecks checks = EntryChecks.whereEntered(classFile);
        assertTrue(type.getDeclaredMethods().filter(m -> m.isMethod() && !m.isStatic()).stream()
                .allMatch(m -> checks.at(type, m)));
    }

    @Test
    void by_default_every_method_checks_at_entry() {
        TypeDescription type = TypeDescription.ForLoadedType.of(EntrySample.Entered.class);
        assertTrue(type.getDeclaredMethods().stream().allMatch(m -> EntryChecks.EVERY.at(type, m)));
    }
}
