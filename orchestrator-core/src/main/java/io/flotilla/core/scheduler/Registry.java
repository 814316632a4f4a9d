package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PluginFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The plugin registry: plugin name → {@link PluginFactory}, like Kubernetes' {@code runtime.Registry}. Starts from
 * {@link #inTree()} (the in-tree plugins plus the {@code DefaultBinder}) or {@link #empty()}; users add their own
 * plugins with {@link #register} and enable them by name in a {@link Profile}. Not thread-safe while being built;
 * the scheduler takes a copy when it is created.
 */
public final class Registry {

    private final Map<String, PluginFactory> factories = new LinkedHashMap<>();

    private Registry() {
    }

    /** A registry with no plugins. */
    public static Registry empty() {
        return new Registry();
    }

    /** A registry with every in-tree plugin and the default binder. */
    public static Registry inTree() {
        Registry r = new Registry();
        r.register(DefaultBinder.NAME, (args, handle) -> {
            if (!(handle instanceof FrameworkHandle fh)) {
                throw new IllegalArgumentException("DefaultBinder runs only inside the Flotilla scheduler");
            }
            return fh.defaultBinder();
        });
        InTreePlugins.register(r);
        return r;
    }

    /**
     * Adds a plugin.
     *
     * @param name    the plugin name, as profiles refer to it; not null or blank
     * @param factory creates the plugin; not null
     * @return this registry
     * @throws IllegalArgumentException if a plugin of that name is already registered
     */
    public Registry register(String name, PluginFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("plugin name must not be blank");
        }
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("a plugin named " + name + " is already registered");
        }
        return this;
    }

    /**
     * The factory of a plugin.
     *
     * @throws IllegalArgumentException if no plugin of that name is registered
     */
    public PluginFactory factory(String name) {
        PluginFactory f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no scheduler plugin named " + name + " is registered (known: "
                    + factories.keySet() + ")");
        }
        return f;
    }

    /** Whether a plugin of that name is registered. */
    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    /** The registered names, in registration order; unmodifiable. */
    public Set<String> names() {
        return Set.copyOf(factories.keySet());
    }

    /** An independent copy. */
    public Registry copy() {
        Registry r = new Registry();
        r.factories.putAll(factories);
        return r;
    }
}
