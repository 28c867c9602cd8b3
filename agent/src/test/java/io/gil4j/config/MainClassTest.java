package io.gil4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassTest {

    private static Path jar(Path dir, String mainClass, String startClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        if (startClass != null) {
            manifest.getMainAttributes().putValue("Start-Class", startClass);
        }
        Path jar = dir.resolve(mainClass + ".jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).close();
        }
        return jar;
    }

    @Test
    void a_class_on_the_command_line_is_the_main_class() {
        assertEquals("com.acme.Main", MainClass.fromCommand("com.acme.Main --port 8080"));
    }

    @Test
    void a_spring_boot_jar_names_its_application_by_start_class_not_the_launcher(@TempDir Path dir) throws Exception {
        Path boot = jar(dir, "org.springframework.boot.loader.launch.JarLauncher", "com.acme.PetClinic");
        assertEquals("com.acme.PetClinic", MainClass.fromCommand(boot + " --server.port=0"));
    }

    @Test
    void a_plain_jar_names_its_main_class(@TempDir Path dir) throws Exception {
        assertEquals(
                "com.acme.Tool",
                MainClass.fromCommand(jar(dir, "com.acme.Tool", null).toString()));
    }

    @Test
    void no_command_no_main_class() {
        assertNull(MainClass.fromCommand(" "));
    }
}
