package io.flotilla.api.scheduler;

/**
 * A scheduler plugin: the common super-interface of every extension point, like Kubernetes'
 * {@code framework.Plugin}. A plugin implements one or more extension-point interfaces; a profile enables it per
 * extension point by {@link #name()}. One instance serves every scheduling cycle of its profile, so
 * implementations must be thread-safe (cycle-specific data belongs in the {@link CycleState}).
 */
public interface Plugin {

    /** The unique name this plugin is registered and enabled under, such as {@code NodeResourcesFit}; never null. */
    String name();
}
