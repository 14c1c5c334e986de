package dev.tollgate.authorizer;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads and links the classes of a jar on their own (the jar and the JDK, nothing else), the way the
 * function's class loader would, and names every class a linked one refers to that the jar lacks.
 */
final class JarLinkage {
    private JarLinkage() {}

    /** @return "missing/Class <- referring.Class" for each class under {@code prefixes} that cannot link */
    static Set<String> unresolved(Path jar, List<String> prefixes) throws IOException, ClassNotFoundException {
        Set<String> problems = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile());
                URLClassLoader loader =
                        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class")
                        || name.contains("module-info")
                        || prefixes.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                String className =
                        name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    // Initialising links the class: the verifier loads what its methods' types need.
                    Class.forName(className, true, loader);
                } catch (NoClassDefFoundError e) {
                    problems.add(e.getMessage() + " <- " + className);
                } catch (ExceptionInInitializerError e) {
                    problems.add("static initialiser failed: " + className + ": " + e.getCause());
                }
            }
        }
        return problems;
    }
}
