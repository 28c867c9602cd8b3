package io.gil4j.process;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: a stand-in for a deserialization gadget. Reading an instance runs its {@code readObject},
 * which creates the marker file it names — so a marker that never appears proves no instance was created.
 */
public final class HostileReadObject implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String marker;

    public HostileReadObject(Path marker) {
        this.marker = marker.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.createFile(Path.of(marker));
    }
}
