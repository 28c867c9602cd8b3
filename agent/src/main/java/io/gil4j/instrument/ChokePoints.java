package io.gil4j.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.gil4j.bootstrap.Hooks;
import io.gil4j.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

/**
 * The JDK's blocking choke points, where a thread that holds the lock gives it up whoever called it, as
 * CPython's standard library releases the GIL around its blocking calls ({@link BlockingAdvice}): every
 * {@code park} of {@code java.util.concurrent.locks.LockSupport}, through which every
 * {@code java.util.concurrent} lock, queue, latch and future blocks; the blocking operations of the
 * JDK's socket implementation, {@code sun.nio.ch.NioSocketImpl} (read, write, accept, connect); those of its
 * NIO channels — socket, server-socket, datagram and pipe channels: read, write, accept, connect, receive —
 * while the channel is in blocking mode ({@link ChannelAdvice}), and the wait such a channel makes when its
 * descriptor is non-blocking ({@code sun.nio.ch.SelChImpl.park}: a timeout, a virtual thread); and
 * {@code Selector.select} ({@code sun.nio.ch.SelectorImpl}; not {@code selectNow}, which does not block). In
 * the last three a platform thread blocks in native code that the lock's waiters see as {@code RUNNABLE}.
 * Without them a thread that holds the lock and waits in a thread pool's queue, in {@code Future.get}, or in a
 * socket's {@code accept} called by a frame that started before the lock's code was put in, would keep it until
 * the watchdog revoked it.
 *
 * <p>And the end of a thread ({@link ThreadEndAdvice} in {@code java.lang.Thread}): a thread keeps the lock
 * through returns, so one that ends holding it, as every virtual thread of a thread-per-task executor does,
 * releases it there. (A waiter also frees a lock whose holder ended, but the waiters that wait untimed only
 * look when woken.)
 *
 * <p>The advice is in these classes only while a mode with a main lock is in force, like the rest of the
 * lock's code: {@code native} parks and ends threads as the JDK does. Classes of the bootstrap loader are
 * transformed here only, never by Byte Buddy's agent builder, which ignores the JDK.
 */
final class ChokePoints implements ClassFileTransformer {

    private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
    private static final String SOCKET = "sun/nio/ch/NioSocketImpl";
    private static final String CHANNEL_PARK = "sun/nio/ch/SelChImpl";
    private static final List<String> CHANNELS = List.of(
            "sun/nio/ch/SocketChannelImpl",
            "sun/nio/ch/ServerSocketChannelImpl",
            "sun/nio/ch/DatagramChannelImpl",
            "sun/nio/ch/SourceChannelImpl",
            "sun/nio/ch/SinkChannelImpl");
    private static final String SELECTOR = "sun/nio/ch/SelectorImpl";
    private static final String THREAD = "java/lang/Thread";
    private static final Set<String> NAMES = Stream.concat(
                    CHANNELS.stream(), Stream.of(LOCK_SUPPORT, SOCKET, CHANNEL_PARK, SELECTOR, THREAD))
            .collect(Collectors.toUnmodifiableSet());

    private final BooleanSupplier lockCode;
    private final Prepared<Map<String, AsmVisitorWrapper>> advice =
            new Prepared<>("gil4j-choke-points-build", ChokePoints::build);

    ChokePoints(BooleanSupplier lockCode) {
        this.lockCode = lockCode;
    }

    /**
     * Lets {@code java.base}, where the choke points live, call {@link Hooks}, which the agent put on the
     * bootstrap class path (in the boot loader's unnamed module, which named modules do not read).
     */
    static void open(Instrumentation instrumentation) {
        instrumentation.redefineModule(
                Object.class.getModule(), Set.of(Hooks.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
    }

    /** The advice for each class, by internal name. */
    private static Map<String, AsmVisitorWrapper> build() {
        Advice blocking = Advice.to(BlockingAdvice.class);
        Map<String, AsmVisitorWrapper> all = new HashMap<>();
        AsmVisitorWrapper channel = Advice.to(ChannelAdvice.class, BlockingAdvice.class)
                .on(isPublic()
                        .and(namedOneOf("read", "write", "accept", "receive")
                                .or(named("connect").and(returns(boolean.class)))));
        CHANNELS.forEach(name -> all.put(name, channel));
        all.putAll(Map.of(
                LOCK_SUPPORT,
                blocking.on(isStatic().and(nameStartsWith("park"))),
                SOCKET,
                blocking.on(named("read")
                        .and(takesArguments(byte[].class, int.class, int.class))
                        .or(named("write").and(takesArguments(byte[].class, int.class, int.class)))
                        .or(named("accept").and(takesArguments(1)))
                        .or(named("connect").and(takesArguments(2)))),
                CHANNEL_PARK,
                blocking.on(named("park").and(takesArguments(int.class, long.class))),
                SELECTOR,
                blocking.on(named("select")),
                THREAD,
                Advice.to(ThreadEndAdvice.class)
                        .on(named("runWith")
                                .and(takesArguments(2))
                                .or(named("exit").and(takesNoArguments())))));
        return Map.copyOf(all);
    }

    /** Puts the choke points' code in or takes it out, as {@code lockCode} now says; false if that failed. */
    static boolean retransform(Instrumentation instrumentation) {
        boolean all = true;
        for (String name : NAMES) {
            String className = name.replace('/', '.');
            try {
                instrumentation.retransformClasses(Class.forName(className, false, null));
            } catch (ClassNotFoundException absent) {
                // a JDK without this implementation: nothing to release there
            } catch (Throwable t) {
                AgentLog.warn("could not retransform " + className + ": " + t);
                all = false;
            }
        }
        return all;
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String internalName,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] classFile) {
        if (loader != null || !NAMES.contains(internalName) || !lockCode.getAsBoolean()) {
            return null; // first: a class that the advice's own build loads must not wait for it
        }
        Map<String, AsmVisitorWrapper> all = advice.get();
        AsmVisitorWrapper chokePoint = all == null ? null : all.get(internalName);
        if (chokePoint == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            ClassFileLocator locator = new ClassFileLocator.Compound(
                    ClassFileLocator.Simple.of(name, classFile), ClassFileLocator.ForClassLoader.ofBootLoader());
            return new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .redefine(TypePool.Default.of(locator).describe(name).resolve(), locator)
                    .visit(chokePoint)
                    .make()
                    .getBytes();
        } catch (Throwable t) {
            AgentLog.warn("could not instrument " + name + ": " + t);
            return null; // parks and ends keep the lock; the waiters and the watchdog free it
        }
    }

    @Override
    public byte[] transform(
            ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        return transform(null, loader, internalName, redefined, domain, classFile);
    }
}
