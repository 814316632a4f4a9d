package io.flotilla.api.runtime;

import io.flotilla.api.internal.Immutables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to create a container in a pod sandbox (CRI {@code ContainerConfig}). Immutable; collections are never
 * {@code null}. {@code env} keeps its order (later entries may refer to earlier ones in the agent's expansion).
 * Environment values may hold secrets: {@link #toString()} shows only their names.
 *
 * @param metadata    the container's name in the pod and its attempt; not {@code null}
 * @param image       the image; not {@code null}
 * @param command     the entrypoint, replacing the image's; empty for the image's
 * @param args        the arguments, replacing the image's CMD; empty for the image's (when {@code command} is
 *                    empty too)
 * @param workingDir  the working directory, or {@code null} for the image's
 * @param env         environment variables
 * @param mounts      host paths and volumes to mount
 * @param resources   CPU and memory settings; not {@code null} ({@link ContainerResources#NONE} for none)
 * @param security    user, privileges and capabilities; not {@code null}
 * @param labels      labels the runtime stores on the container (see {@link RuntimeLabels})
 * @param annotations free-form metadata the runtime stores on the container
 * @param logPath     where the log goes, relative to the sandbox's log directory, or {@code null}
 * @param stdin       whether to keep stdin open
 * @param stdinOnce   whether to close stdin after the first attach ends
 * @param tty         whether to allocate a TTY
 */
public record ContainerConfig(ContainerMetadata metadata, ImageSpec image, List<String> command, List<String> args,
                              String workingDir, Map<String, String> env, List<Mount> mounts,
                              ContainerResources resources, ContainerSecurity security, Map<String, String> labels,
                              Map<String, String> annotations, String logPath, boolean stdin, boolean stdinOnce,
                              boolean tty) {

    /** Checks and normalises the components. */
    public ContainerConfig {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(image, "image");
        command = Immutables.list(command);
        args = Immutables.list(args);
        env = Immutables.map(env);
        mounts = Immutables.list(mounts);
        resources = resources == null ? ContainerResources.NONE : resources;
        security = security == null ? ContainerSecurity.DEFAULT : security;
        labels = Immutables.map(labels);
        annotations = Immutables.map(annotations);
    }

    /** A builder for container {@code name} (attempt 0) running {@code image}. */
    public static Builder builder(String name, String image) {
        return new Builder(name, ImageSpec.of(image));
    }

    /** Like the record's, but shows only the names of environment variables. */
    @Override
    public String toString() {
        return "ContainerConfig[metadata=" + metadata + ", image=" + image + ", command=" + command + ", args="
                + args + ", env=" + env.keySet() + ", mounts=" + mounts + ", resources=" + resources + ", labels="
                + labels + "]";
    }

    /**
     * Builds a {@link ContainerConfig}. Mutable and confined to one thread; {@code null} arguments are rejected with
     * {@link NullPointerException}.
     */
    public static final class Builder {
        private final String name;
        private final ImageSpec image;
        private int attempt;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private String workingDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private ContainerResources resources = ContainerResources.NONE;
        private ContainerSecurity security = ContainerSecurity.DEFAULT;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private String logPath;
        private boolean stdin;
        private boolean stdinOnce;
        private boolean tty;

        private Builder(String name, ImageSpec image) {
            this.name = Objects.requireNonNull(name, "name");
            this.image = image;
        }

        /** Sets the attempt (restart count). */
        public Builder attempt(int value) {
            attempt = value;
            return this;
        }

        /** Sets the entrypoint. */
        public Builder command(String... values) {
            return command(List.of(values));
        }

        /** Sets the entrypoint. */
        public Builder command(List<String> values) {
            command = List.copyOf(values);
            return this;
        }

        /** Sets the arguments. */
        public Builder args(String... values) {
            return args(List.of(values));
        }

        /** Sets the arguments. */
        public Builder args(List<String> values) {
            args = List.copyOf(values);
            return this;
        }

        /** Sets the working directory. */
        public Builder workingDir(String value) {
            workingDir = Objects.requireNonNull(value, "workingDir");
            return this;
        }

        /** Adds (or replaces) an environment variable. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a mount. */
        public Builder mount(Mount value) {
            mounts.add(Objects.requireNonNull(value, "mount"));
            return this;
        }

        /** Sets the resources. */
        public Builder resources(ContainerResources value) {
            resources = Objects.requireNonNull(value, "resources");
            return this;
        }

        /** Sets the security settings. */
        public Builder security(ContainerSecurity value) {
            security = Objects.requireNonNull(value, "security");
            return this;
        }

        /** Adds a label. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every label of {@code values}. */
        public Builder labels(Map<String, String> values) {
            values.forEach(this::label);
            return this;
        }

        /** Adds an annotation. */
        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the log path, relative to the sandbox's log directory. */
        public Builder logPath(String value) {
            logPath = Objects.requireNonNull(value, "logPath");
            return this;
        }

        /** Sets stdin, stdinOnce and tty. */
        public Builder terminal(boolean stdinValue, boolean stdinOnceValue, boolean ttyValue) {
            stdin = stdinValue;
            stdinOnce = stdinOnceValue;
            tty = ttyValue;
            return this;
        }

        /** The configuration. */
        public ContainerConfig build() {
            return new ContainerConfig(new ContainerMetadata(name, attempt), image, command, args, workingDir, env,
                    mounts, resources, security, labels, annotations, logPath, stdin, stdinOnce, tty);
        }
    }
}
