package io.flotilla.junit.internal;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.meta.Buildable;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.sim.Scenario;
import io.flotilla.core.startup.StartupPlan;
import io.flotilla.junit.Manifests;
import io.flotilla.junit.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Collects what a test class declares — {@link Manifests} and {@link Workload} members, of the class and its
 * superclasses — into a {@link StartupPlan}. Errors name the member or manifest at fault. Stateless.
 */
public final class DeclaredWorkloads {
    private DeclaredWorkloads() {
    }

    /**
     * The plan of {@code testClass}: manifests first (in annotation order), then workloads. A {@code @Workload}
     * method may take parameters; {@code parameters} gives the value for each parameter type (such as the namespace
     * name for {@code String}), or {@code null} when it has none.
     *
     * @throws IllegalArgumentException naming the member or manifest when a declaration is wrong
     */
    public static StartupPlan.Builder plan(Class<?> testClass, ResourceTypes types,
                                           Function<Class<?>, Object> parameters) {
        StartupPlan.Builder plan = StartupPlan.builder();
        Manifests manifests = testClass.getAnnotation(Manifests.class);
        if (manifests != null) {
            io.flotilla.api.manifest.Manifests reader = io.flotilla.api.manifest.Manifests.strict().withTypes(types);
            for (String location : manifests.value()) {
                read(testClass, location, reader).forEach(plan::resource);
            }
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                add(plan, f, f.getAnnotation(Workload.class), parameters);
            }
            for (Method m : c.getDeclaredMethods()) {
                add(plan, m, m.getAnnotation(Workload.class), parameters);
            }
        }
        return plan;
    }

    /**
     * The {@link Scenario} a test class declares for its simulated nodes: the value of its static field or static
     * no-argument method of that type, if any.
     *
     * @throws IllegalArgumentException if it declares more than one, or its value is null
     */
    public static Optional<Scenario> scenario(Class<?> testClass) {
        List<Scenario> found = new ArrayList<>();
        try {
            for (Field f : testClass.getDeclaredFields()) {
                if (f.getType() == Scenario.class && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    found.add((Scenario) f.get(null));
                }
            }
            for (Method m : testClass.getDeclaredMethods()) {
                if (m.getReturnType() == Scenario.class && Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    found.add((Scenario) m.invoke(null));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read the Scenario of " + testClass.getSimpleName(), e);
        }
        if (found.size() > 1 || found.contains(null)) {
            throw new IllegalArgumentException(testClass.getSimpleName() + " must declare at most one static,"
                    + " non-null Scenario for its simulated nodes");
        }
        return found.stream().findFirst();
    }

    private static void add(StartupPlan.Builder plan, AccessibleObject member, Workload workload,
                            Function<Class<?>, Object> parameters) {
        if (workload == null) {
            return;
        }
        Member m = (Member) member;
        String where = "@Workload " + m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new IllegalArgumentException(where + " must be static: workloads are applied before the tests");
        }
        Object value;
        try {
            member.setAccessible(true);
            if (member instanceof Method method) {
                Object[] args = new Object[method.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = parameters.apply(method.getParameterTypes()[i]);
                    if (args[i] == null) {
                        throw new IllegalArgumentException(where + " takes a " + method.getParameterTypes()[i]
                                .getSimpleName() + "; workload methods may take the namespace (String or"
                                + " TestNamespace) and the Cluster");
                    }
                }
                value = method.invoke(null, args);
            } else {
                value = ((Field) member).get(null);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getCause(), e);
        }
        if (value instanceof StartupPlan declared) {
            for (Resource r : declared.resources()) {
                List<String> deps = new ArrayList<>(declared.dependencies(StartupPlan.key(r)));
                deps.addAll(List.of(workload.dependsOn()));
                plan.resource(r, deps.toArray(String[]::new));
            }
            return;
        }
        List<Resource> resources = new ArrayList<>();
        flatten(where, value, resources);
        for (Resource r : resources) {
            plan.resource(r, workload.dependsOn());
        }
    }

    private static void flatten(String where, Object value, List<Resource> into) {
        switch (value) {
            case null -> throw new IllegalArgumentException(where + " is null");
            case Resource r -> into.add(r);
            case Buildable<?> b -> into.add(b.build());
            case Iterable<?> items -> items.forEach(i -> flatten(where, i, into));
            case Object[] items -> Stream.of(items).forEach(i -> flatten(where, i, into));
            default -> throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
                    + "; expected a Resource, a builder of one, or an array or Iterable of those");
        }
    }

    private static List<Resource> read(Class<?> testClass, String location,
                                       io.flotilla.api.manifest.Manifests reader) {
        String path = location.startsWith("/") ? location.substring(1) : location;
        URL url = testClass.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("@Manifests(\"" + location + "\") of " + testClass.getSimpleName()
                    + ": no such file or folder on the classpath");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return readFiles(Path.of(url.toURI()), reader);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("@Manifests(\"" + location + "\"): bad location " + url, e);
            }
        }
        try (InputStream in = url.openStream()) {
            return reader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("@Manifests(\"" + location + "\"): cannot read " + url, e);
        }
    }

    private static List<Resource> readFiles(Path path, io.flotilla.api.manifest.Manifests reader) {
        if (!Files.isDirectory(path)) {
            return reader.read(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            List<Resource> all = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)")).sorted()
                    .forEach(f -> all.addAll(reader.read(f)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list manifests in " + path, e);
        }
    }
}
