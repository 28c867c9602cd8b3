package io.gil4j.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The transformer the JVM calls for every class it defines or retransforms. Most classes are answered
 * here, by their loader, their name and a scan of their bytes for a marking annotation, without any class
 * file being parsed; only the rest reach Byte Buddy, told what to add ({@link #current()}). This is what
 * keeps start-up close to the JVM's own in {@code native}: there, only classes with marked methods are
 * transformed at all, and Byte Buddy, {@linkplain Prepared prepared} in the background, is waited for only by
 * the first class that needs it.
 *
 * <p>Called on whichever thread defines the class, possibly many at once; the decision is handed to Byte
 * Buddy's matcher through a thread-local set for the duration of the delegated call. Never throws.
 */
final class ClassFilter implements ClassFileTransformer {

    /**
     * What one class gets: the lock's code, the offload advice, which methods are too short for the lock's
     * code, and which of the others check at their entry.
     */
    static final class Decision {

        static final Decision NOTHING = new Decision(false, false, Set.of(), EntryChecks.EVERY);

        final boolean lock;
        final boolean marks;
        private final Set<String> shortMethods;
        final EntryChecks entryChecks;

        private Decision(boolean lock, boolean marks, Set<String> shortMethods, EntryChecks entryChecks) {
            this.lock = lock;
            this.marks = marks;
            this.shortMethods = shortMethods;
            this.entryChecks = entryChecks;
        }

        /** True if the lock's code goes into {@code method} ({@code name(I)J}) of a class that gets it. */
        boolean locks(String method) {
            return lock && !shortMethods.contains(method);
        }
    }

    private static final ThreadLocal<Decision> CURRENT = new ThreadLocal<>();

    private final Prepared<ClassFileTransformer> byteBuddy;
    private final Loaders loaders;
    private final TypeSelection selection;
    private final MarkedMethods marked;
    private final BooleanSupplier lockCode;

    ClassFilter(
            Prepared<ClassFileTransformer> byteBuddy,
            Loaders loaders,
            TypeSelection selection,
            MarkedMethods marked,
            BooleanSupplier lockCode) {
        this.byteBuddy = byteBuddy;
        this.loaders = loaders;
        this.selection = selection;
        this.marked = marked;
        this.lockCode = lockCode;
    }

    /** The decision for the class being transformed on this thread; {@link Decision#NOTHING} outside one. */
    static Decision current() {
        Decision decision = CURRENT.get();
        return decision == null ? Decision.NOTHING : decision;
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String internalName,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] classFile) {
        try {
            if (internalName == null || loaders.ignores(loader)) {
                return null;
            }
            String name = internalName.replace('/', '.');
            boolean lock = lockCode.getAsBoolean() && selection.selects(name);
            boolean marks = marked.mayMark(name, classFile);
            if (!lock && !marks) {
                return null;
            }
            ClassFileTransformer transformer = byteBuddy.get();
            if (transformer == null) {
                return null;
            }
            Decision decision = new Decision(
                    lock,
                    marks,
                    lock ? ShortMethods.of(classFile) : Set.of(),
                    lock && selection.selectsAll() ? EntryChecks.whereEntered(classFile) : EntryChecks.EVERY);
            CURRENT.set(decision);
            try {
                return transformer.transform(module, loader, internalName, redefined, domain, classFile);
            } finally {
                CURRENT.remove();
            }
        } catch (Throwable t) {
            return null; // Byte Buddy's listener has logged what it could; the class runs as it was written
        }
    }

    @Override
    public byte[] transform(
            ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        return transform(null, loader, internalName, redefined, domain, classFile);
    }
}
