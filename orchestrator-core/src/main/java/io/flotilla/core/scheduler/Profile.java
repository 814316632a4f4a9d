package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.PluginArgs;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scheduling profile, like one entry of {@code profiles} in Kubernetes' {@code KubeSchedulerConfiguration}: a
 * {@code schedulerName} that pods select with {@code spec.schedulerName}, the plugins it enables (each at every
 * extension point it implements, in the order given, unless disabled there), each plugin's score weight and
 * arguments, and {@code percentageOfNodesToScore}. Immutable and thread-safe; build with {@link #builder(String)}
 * or start from a ready-made strategy in {@link Scheduling}.
 */
public final class Profile {

    /** The scheduler name pods get when {@code spec.schedulerName} is unset. */
    public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";

    /**
     * One enabled plugin.
     *
     * @param name     the registered plugin name; never null
     * @param weight   the score weight (used only if the plugin scores); at least 1
     * @param args     the plugin's arguments; never null
     * @param disabled extension points where the plugin is not run although it implements them; never null
     */
    public record PluginConfig(String name, int weight, PluginArgs args, Set<ExtensionPoint> disabled) {
        /** Checks and copies. */
        public PluginConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(args, "args");
            if (weight < 1) {
                throw new IllegalArgumentException("score weight of " + name + " must be at least 1, got " + weight);
            }
            disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
        }

        /** Whether the plugin runs at {@code point} (if it implements it). */
        public boolean enabledAt(ExtensionPoint point) {
            return !disabled.contains(point);
        }
    }

    private final String schedulerName;
    private final List<PluginConfig> plugins;
    private final Integer percentageOfNodesToScore;

    private Profile(String schedulerName, List<PluginConfig> plugins, Integer percentageOfNodesToScore) {
        this.schedulerName = schedulerName;
        this.plugins = List.copyOf(plugins);
        this.percentageOfNodesToScore = percentageOfNodesToScore;
    }

    /**
     * A builder for a profile named {@code schedulerName}, with no plugins.
     *
     * @param schedulerName the name pods select; not blank
     */
    public static Builder builder(String schedulerName) {
        return new Builder(schedulerName);
    }

    /** A builder starting from this profile. */
    public Builder toBuilder() {
        Builder b = new Builder(schedulerName);
        b.plugins.addAll(plugins);
        b.percentage = percentageOfNodesToScore;
        return b;
    }

    /** This profile under another scheduler name. */
    public Profile withSchedulerName(String name) {
        return toBuilder().schedulerName(name).build();
    }

    /** The scheduler name; never null. */
    public String schedulerName() {
        return schedulerName;
    }

    /** The enabled plugins, in order; never null, unmodifiable. */
    public List<PluginConfig> plugins() {
        return plugins;
    }

    /** One enabled plugin's configuration. */
    public Optional<PluginConfig> plugin(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The share of nodes (1..100) to find feasible before scoring, or empty for Kubernetes' adaptive default
     * ({@code max(5, 50 - nodes/125)}%, at least 100 nodes).
     */
    public Optional<Integer> percentageOfNodesToScore() {
        return Optional.ofNullable(percentageOfNodesToScore);
    }

    @Override
    public String toString() {
        return "Profile[" + schedulerName + ", " + plugins.stream().map(PluginConfig::name).toList() + "]";
    }

    /** Builds a {@link Profile}. Not thread-safe; every method returns this builder. */
    public static final class Builder {
        private String schedulerName;
        private final List<PluginConfig> plugins = new ArrayList<>();
        private Integer percentage;

        private Builder(String schedulerName) {
            schedulerName(schedulerName);
        }

        /** Renames the profile. */
        public Builder schedulerName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("schedulerName must not be blank");
            }
            this.schedulerName = name;
            return this;
        }

        /** Enables a plugin at every extension point it implements, with weight 1 and no arguments. */
        public Builder plugin(String name) {
            return plugin(name, 1, PluginArgs.EMPTY);
        }

        /** Enables a plugin with a score weight. */
        public Builder plugin(String name, int weight) {
            return plugin(name, weight, PluginArgs.EMPTY);
        }

        /** Enables a plugin with a score weight and arguments; replaces an earlier entry of the same name in place. */
        public Builder plugin(String name, int weight, PluginArgs args) {
            return put(new PluginConfig(name, weight, args, Set.of()));
        }

        /** Changes the score weight of an enabled plugin. */
        public Builder weight(String name, int weight) {
            PluginConfig p = existing(name);
            return put(new PluginConfig(name, weight, p.args(), p.disabled()));
        }

        /** Changes the arguments of an enabled plugin. */
        public Builder args(String name, PluginArgs args) {
            PluginConfig p = existing(name);
            return put(new PluginConfig(name, p.weight(), args, p.disabled()));
        }

        /** Removes a plugin entirely; nothing happens if it is not enabled. */
        public Builder disable(String name) {
            plugins.removeIf(p -> p.name().equals(name));
            return this;
        }

        /** Keeps a plugin enabled but not at these extension points (for example no scoring). */
        public Builder disable(String name, ExtensionPoint first, ExtensionPoint... more) {
            PluginConfig p = existing(name);
            EnumSet<ExtensionPoint> off = EnumSet.of(first, more);
            off.addAll(p.disabled());
            return put(new PluginConfig(name, p.weight(), p.args(), off));
        }

        /**
         * Sets the share of nodes to find feasible before scoring.
         *
         * @param percent 1..100; 100 evaluates every node
         */
        public Builder percentageOfNodesToScore(int percent) {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("percentageOfNodesToScore must be 1..100, got " + percent);
            }
            this.percentage = percent;
            return this;
        }

        /** Returns to Kubernetes' adaptive percentage. */
        public Builder adaptivePercentageOfNodesToScore() {
            this.percentage = null;
            return this;
        }

        /** The profile. */
        public Profile build() {
            return new Profile(schedulerName, plugins, percentage);
        }

        private PluginConfig existing(String name) {
            return plugins.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("plugin " + name + " is not enabled in profile "
                            + schedulerName));
        }

        private Builder put(PluginConfig config) {
            for (int i = 0; i < plugins.size(); i++) {
                if (plugins.get(i).name().equals(config.name())) {
                    plugins.set(i, config);
                    return this;
                }
            }
            plugins.add(config);
            return this;
        }
    }
}
