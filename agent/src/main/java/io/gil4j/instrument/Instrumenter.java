package io.gil4j.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.gil4j.config.MarkPattern;
import io.gil4j.config.Selection;
import io.gil4j.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Puts gil4j's code into the application's classes, and only as much of it as the mode needs, the way the
 * OpenTelemetry agent sets up Byte Buddy: retransformation without class-format changes (so start-up, a
 * mode switch and a later attach use the same code), type descriptions read from class files rather than
 * loaded classes, name-based ignores first, and a listener that logs and carries on.
 *
 * <p><b>Two kinds of code.</b> Each marked method ({@link MarkedMethods}) gets {@link OffloadAdvice} in every
 * mode: it measures the call and reroutes it in the modes that do. The methods of the selected classes
 * ({@link TypeSelection}; not abstract, native or bridges; constructors and static initialisers are left
 * alone) get the lock's code — the {@link CheckpointInserter} rewrite: a check point at entry (with
 * {@code include=**}, only where code that is never instrumented enters: {@link EntryChecks}) and at every
 * loop back-edge, and blocking calls through their stand-ins — only while a mode with a main lock needs it
 * ({@link #require}), and so do the JDK's blocking {@link ChokePoints}; the offload advice is registered
 * first so that it wraps the rest (Byte Buddy nests later visitors inside earlier ones).
 *
 * <p><b>When code goes in and out.</b> A class is transformed when it is defined, with the code the mode in
 * force then needs; {@link ClassFilter} answers every other class by its loader and name. A switch between a
 * mode without the lock ({@code native}, {@code sequential}) and one with it retransforms the loaded selected
 * classes ({@link Retransformer}), in batches, and returns when they are done. Frames already running keep
 * the code they started with, which is harmless both ways: the lock's hooks pass through while no lock is in
 * force, and a frame without them simply takes no lock.
 */
public final class Instrumenter {

    private final Instrumentation instrumentation;
    private final Selection configured;
    private final TypeSelection selection;
    private final MarkedMethods marked;
    private final Loaders loaders;
    private final TransformationLog log;
    private final ClassFilter filter;
    private final Retransformer retransformer;
    private final ChokePoints chokePoints;
    private volatile boolean lockCode;
    private boolean installed; // guarded by this

    private Instrumenter(
            Instrumentation instrumentation, Selection selection, List<MarkPattern> marks, boolean verbose) {
        this.instrumentation = instrumentation;
        this.configured = selection;
        this.selection = new TypeSelection(selection.include(), selection.exclude());
        this.marked = new MarkedMethods(marks);
        this.loaders = new Loaders(Instrumenter.class.getClassLoader());
        this.log = new TransformationLog(verbose);
        this.filter = new ClassFilter(
                new Prepared<>("gil4j-instrumenter-build", this::byteBuddy),
                loaders,
                this.selection,
                marked,
                () -> lockCode);
        this.retransformer = new Retransformer(instrumentation, loaders);
        this.chokePoints = new ChokePoints(() -> lockCode);
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

    /**
     * Prepares the transformation of the classes {@code selection} selects and of the methods {@code marks}
     * marks; nothing reaches the JVM before {@link #install}.
     */
    public static Instrumenter create(
            Instrumentation instrumentation, Selection selection, List<MarkPattern> marks, boolean verbose) {
        return new Instrumenter(instrumentation, selection, marks, verbose);
    }

    private ClassFileTransformer byteBuddy() {
        ElementMatcher.Junction<MethodDescription> methods = isMethod()
                .and(not(isAbstract()))
                .and(not(isNative()))
                .and(not(isBridge()))
                .and(m -> ClassFilter.current().locks(m.getInternalName() + m.getDescriptor()));
        AsmVisitorWrapper checkpoints = new AsmVisitorWrapper.ForDeclaredMethods()
                .method(methods, new CheckpointInserter(BlockingCalls.standard()));
        // read from the agent jar once, here: not per class, and not after the jar was replaced on disk
        AsmVisitorWrapper offload = OffloadAdvice.on(marked);
        // Both visitors rewrite declared methods only, so the method graph is the declared methods: no
        // supertype is described. A supertype that has no class file to read (the interfaces the OpenTelemetry
        // agent adds to every Runnable and Callable, generated at run time) left such classes uninstrumented.
        ByteBuddy byteBuddy =
                new ByteBuddy().with(TypeValidation.DISABLED).with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
        return new AgentBuilder.Default(byteBuddy)
                .disableClassFormatChanges()
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE) // advice is inlined: nothing to inject
                .with(log)
                .ignore(type -> TypeSelection.isIgnoredName(type.getName()))
                .type(type -> {
                    ClassFilter.Decision decision = ClassFilter.current();
                    return (decision.lock && selection.matches(type)) || (decision.marks && marked.anyIn(type));
                })
                .transform((builder, type, loader, module, domain) -> {
                    ClassFilter.Decision decision = ClassFilter.current();
                    if (decision.marks) {
                        builder = builder.visit(offload); // first: outermost
                    }
                    if (decision.lock && selection.matches(type)) {
                        builder = builder.visit(checkpoints);
                    }
                    return builder;
                })
                .makeRaw();
    }

    /**
     * Registers the transformation with the JVM and transforms the classes already loaded that need it (none
     * at start-up; the application's, on an attach).
     *
     * @return what that retransformation did: classes, failures, seconds, the loaded classes skipped by reason
     */
    public synchronized String install() {
        preload();
        ChokePoints.open(instrumentation);
        instrumentation.addTransformer(filter, true);
        instrumentation.addTransformer(chokePoints, true);
        installed = true;
        Retransformer.Outcome loaded = retransformer.retransform("instrumenting the loaded classes", this::needsCode);
        if (lockCode) {
            ChokePoints.retransform(instrumentation);
        }
        return loaded.toString();
    }

    /**
     * Puts the lock's code into the loaded selected classes, or takes it out, and returns when that is done;
     * classes defined later get it, or not, as they are defined. A no-op if nothing changes.
     */
    public synchronized void require(boolean needed) {
        if (needed == lockCode) {
            return;
        }
        lockCode = needed;
        if (installed) {
            String what = needed ? "lock code in" : "lock code out";
            AgentLog.info(what + ": " + retransformer.retransform(what, this::isSelected));
            ChokePoints.retransform(instrumentation);
        }
    }

    /**
     * Marks the methods {@code methodPatterns} select, besides the configured marks and in place of those
     * this method added before, and retransforms the loaded classes either set names; returns when that is
     * done. Marked methods are measured in every mode and rerouted in the modes that reroute.
     *
     * @param methodPatterns method patterns; annotations cannot be added live (the callers check)
     * @return what the retransformation did
     */
    public synchronized String markAlso(List<MarkPattern> methodPatterns) {
        List<MarkPattern> before = marked.markAlso(methodPatterns);
        if (!installed) {
            return "nothing loaded yet";
        }
        return retransformer
                .retransform(
                        "marking " + methodPatterns,
                        type -> MarkedMethods.namedBy(before, type) || MarkedMethods.namedBy(methodPatterns, type))
                .toString();
    }

    /** The method patterns {@link #markAlso} added. */
    public List<MarkPattern> addedMarks() {
        return marked.added();
    }

    /** True if the lock's code goes into the class {@code className} while a mode with the lock is in force. */
    public boolean locks(String className) {
        return selection.selects(className);
    }

    /** True if methods of the class {@code className} can be marked: it is not one the agent never touches. */
    public static boolean canMark(String className) {
        return !TypeSelection.isIgnoredName(className);
    }

    private boolean isSelected(Class<?> type) {
        return !type.isInterface() && !type.isSynthetic() && selection.selects(type.getName());
    }

    /** On an attach: a class the lock's code goes into, or one whose marked methods can be named. */
    private boolean needsCode(Class<?> type) {
        return (lockCode && isSelected(type)) || marked.mayMarkLoaded(type);
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

    /** Classes, by name, transformed since start-up. */
    public int classes() {
        return log.classes();
    }

    /** What is instrumented, as {@code /status} shows it. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("selection", configured.toString());
        status.put("lockCode", lockCode);
        status.put("classes", classes());
        status.put("transformations", log.transformed());
        status.put("failed", log.failed());
        status.put("failedByLoader", log.failedByLoader());
        return status;
    }

    /** Classes that failed to transform so far (each runs uninstrumented). */
    public long failedTransformations() {
        return log.failed();
    }

    /**
     * Removes the transformation and restores the original bytecode of every class it changed.
     *
     * @return true if every such class was restored
     */
    public synchronized boolean uninstall() {
        installed = false;
        instrumentation.removeTransformer(filter);
        instrumentation.removeTransformer(chokePoints);
        boolean restored = ChokePoints.retransform(instrumentation);
        return retransformer
                                .retransform(
                                        "restoring the instrumented classes",
                                        type -> log.wasTransformed(type.getName()))
                                .failed()
                        == 0
                && restored;
    }
}
