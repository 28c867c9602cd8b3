package io.gil4j.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.gil4j.config.Config;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the transformation every mode shares, the way the OpenTelemetry agent sets up Byte Buddy:
 * retransformation without class-format changes (so start-up and a later attach use the same code), type
 * descriptions read from class files rather than loaded classes, name-based ignores first, and a listener
 * that logs and carries on.
 *
 * <p>Each method of a selected class (not abstract, native or a bridge; constructors and static
 * initialisers are left alone) gets {@link GilAdvice} at entry and exits and the {@link CheckpointInserter}
 * rewrite of its body. Each marked method ({@link MarkedMethods}), selected class or not, also gets
 * {@link OffloadAdvice}, registered first so that it wraps the rest (Byte Buddy nests later visitors
 * inside earlier ones): a rerouted call skips the lock's advice in the caller as well as the body.
 */
public final class Instrumenter {

    private final TransformationLog log;
    private final ResettableClassFileTransformer transformer;

    private Instrumenter(TransformationLog log, ResettableClassFileTransformer transformer) {
        this.log = log;
        this.transformer = transformer;
    }

    /**
     * JDK classes that the JVM loads lazily, the first time a thread has to queue on a lock or a latch, and
     * that a class-file transformer may need while it runs. Loaded while another class's transformation is
     * under way, such a class is asked of every transformer again; if one of them (ours or another agent's)
     * then queues on a lock, the JVM throws {@code ClassCircularityError} into the application thread. The
     * OpenTelemetry agent preloads its own such classes; these are the ones seen here, with both agents in
     * one JVM: the queue nodes of {@code AbstractQueuedSynchronizer} (JDK 17 and later).
     */
    static final List<String> PRELOADED = List.of(
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$SharedNode",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ExclusiveNode",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$SharedNode",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionNode");

    /** Installs the transformation and retransforms the matching classes already loaded. */
    public static Instrumenter install(Instrumentation instrumentation, Config config) {
        preload();
        TypeSelection selection = new TypeSelection(config.include(), config.exclude());
        MarkedMethods marked = new MarkedMethods(config.offload());
        TransformationLog log = new TransformationLog(config.verbose());
        ElementMatcher.Junction<MethodDescription> methods =
                isMethod().and(not(isAbstract())).and(not(isNative())).and(not(isBridge()));
        AsmVisitorWrapper checkpoints = new AsmVisitorWrapper.ForDeclaredMethods()
                .method(methods, new CheckpointInserter(BlockingCalls.standard()));
        ClassLoader agentLoader = Instrumenter.class.getClassLoader();

        ResettableClassFileTransformer transformer = new AgentBuilder.Default(
                        new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE) // advice is inlined: nothing to inject
                .with(log)
                .ignore(type -> TypeSelection.isIgnoredName(type.getName()))
                .or(any(), isBootstrapClassLoader())
                .or(any(), loaderIs(ClassLoader.getPlatformClassLoader()))
                .or(any(), loaderIs(agentLoader))
                .or(any(), TypeSelection::isAnotherAgentsLoader)
                .type(type -> selection.matches(type) || marked.anyIn(type))
                .transform((builder, type, loader, module, domain) -> {
                    builder = builder.visit(Advice.to(OffloadAdvice.class).on(marked)); // first visitor: outermost
                    if (selection.matches(type)) {
                        builder = builder.visit(Advice.to(GilAdvice.class).on(methods)).visit(checkpoints);
                    }
                    return builder;
                })
                .installOn(instrumentation);
        return new Instrumenter(log, transformer);
    }

    private static void preload() {
        for (String name : PRELOADED) {
            try {
                Class.forName(name, true, null);
            } catch (ClassNotFoundException e) {
                // another JDK's layout: nothing to preload
            }
        }
    }

    private static ElementMatcher<ClassLoader> loaderIs(ClassLoader wanted) {
        return loader -> loader == wanted;
    }

    /** Classes transformed so far. */
    public long transformedClasses() {
        return log.transformed();
    }

    /** Transformations that failed so far. */
    public long failedClasses() {
        return log.failed();
    }

    /** Removes the transformation and restores the original bytecode of every class it changed. */
    public boolean uninstall(Instrumentation instrumentation) {
        return transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }
}
