package io.gil4j.process;

import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test support: a class whose static initializer records that it ran. Never instantiated by the tests. */
public final class InitBombs implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Names of the classes whose static initializer ran; lives outside them so reading it runs none. */
    public static final class Ran {
        public static final Set<String> CLASSES = ConcurrentHashMap.newKeySet();

        private Ran() {}
    }

    static {
        Ran.CLASSES.add(InitBombs.class.getName());
    }

    final int value;

    private InitBombs(int value) {
        this.value = value;
    }
}
