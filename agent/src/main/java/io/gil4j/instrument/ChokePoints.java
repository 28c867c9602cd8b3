package io.gil4j.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * The JDK's blocking choke points, where a thread that holds the lock gives it up whoever called it, as
 * CPython's standard library releases the GIL around its blocking calls: every {@code park} of
 * {@link LockSupport}, through which every {@code java.util.concurrent} lock, queue, latch and future
 * blocks (and, since JDK 13, the JDK's socket implementation). Without it a thread that holds the lock and
 * waits in a thread pool's queue, or in {@code Future.get}, would keep it until the watchdog revoked it.
 *
 * <p>{@link ParkAdvice} is in {@code LockSupport} only while a mode with a main lock is in force, like the
 * rest of the lock's code: {@code native} parks as the JDK does. Classes of the bootstrap loader are
 * transformed here only, never by Byte Buddy's agent builder, which ignores the JDK.
 */
final class ChokePoints implements ClassFileTransformer {

    private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";

    private final BooleanSupplier lockCode;
    private final Prepared<AsmVisitorWrapper> park = new Prepared<>("gil4j-choke-points-build",
            () -> Advice.to(ParkAdvice.class).on(isStatic().and(nameStartsWith("park"))));

    ChokePoints(BooleanSupplier lockCode) {
        this.lockCode = lockCode;
    }

    /**
     * Lets {@code java.base}, where the choke points live, call {@link Hooks}, which the agent put on the
     * bootstrap class path (in the boot loader's unnamed module, which named modules do not read).
     */
    static void open(Instrumentation instrumentation) {
        instrumentation.redefineModule(LockSupport.class.getModule(), Set.of(Hooks.class.getModule()), Map.of(),
                Map.of(), Set.of(), Map.of());
    }

    /** Puts the choke points' code in or takes it out, as {@code lockCode} now says; false if that failed. */
    static boolean retransform(Instrumentation instrumentation) {
        try {
            instrumentation.retransformClasses(LockSupport.class);
            return true;
        } catch (Throwable t) {
            AgentLog.warn("could not retransform " + LockSupport.class.getName() + ": " + t);
            return false;
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) {
        if (loader != null || !LOCK_SUPPORT.equals(internalName) || !lockCode.getAsBoolean()) {
            return null;
        }
        AsmVisitorWrapper parkAdvice = park.get();
        if (parkAdvice == null) {
            return null;
        }
        try {
            String name = LockSupport.class.getName();
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    ClassFileLocator.ForClassLoader.ofBootLoader());
            return new ByteBuddy().with(TypeValidation.DISABLED)
                    .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                    .visit(parkAdvice)
                    .make()
                    .getBytes();
        } catch (Throwable t) {
            AgentLog.warn("could not instrument " + LockSupport.class.getName() + ": " + t);
            return null; // parks keep the lock; the watchdog frees it
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        return transform(null, loader, internalName, redefined, domain, classFile);
    }
}
