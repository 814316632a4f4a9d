package io.flotilla.api.scheduler;

/**
 * Creates a plugin for one profile from its arguments and the profile's handle, like Kubernetes'
 * {@code runtime.PluginFactory}. Registered under the plugin's name in the scheduler's registry; called once per
 * profile when the scheduler starts.
 */
@FunctionalInterface
public interface PluginFactory {

    /**
     * Creates the plugin.
     *
     * @param args   the plugin's arguments from the profile; never null ({@link PluginArgs#EMPTY} when none)
     * @param handle the profile's view of the scheduler; never null
     * @return the plugin; never null
     * @throws IllegalArgumentException if {@code args} are invalid (the scheduler then refuses to start)
     */
    Plugin create(PluginArgs args, SchedulerHandle handle);
}
