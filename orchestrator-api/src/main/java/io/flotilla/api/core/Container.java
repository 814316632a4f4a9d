package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of a pod: the image, how to run it, and what it needs. Immutable; lists are never {@code null},
 * unset scalars are {@code null} and take Kubernetes' defaults on the server.
 *
 * <pre>{@code
 * Container web = Container.named("httpd").image("nginx:1.27").port(80)
 *         .readiness(Probe.http("/", 80))
 *         .resources(r -> r.cpu("250m").memory("64Mi"))
 *         .build();
 * }</pre>
 *
 * @param name                     a DNS-1123 label unique among the pod's containers and init containers
 * @param image                    the image reference, such as {@code nginx:1.27}
 * @param command                  the entrypoint, replacing the image's ENTRYPOINT
 * @param args                     the arguments, replacing the image's CMD
 * @param workingDir               the working directory, or the image's
 * @param ports                    ports the container listens on
 * @param envFrom                  ConfigMaps and Secrets imported as environment variables
 * @param env                      environment variables (these win over {@code envFrom})
 * @param resources                CPU, memory and other requests and limits
 * @param volumeMounts             volumes mounted into the filesystem
 * @param livenessProbe            restarts the container when it fails
 * @param readinessProbe           removes the pod from Service endpoints when it fails
 * @param startupProbe             holds off the other probes until it succeeds
 * @param lifecycle                post-start and pre-stop hooks
 * @param terminationMessagePath   where the container writes its termination message
 * @param terminationMessagePolicy {@code File} or {@code FallbackToLogsOnError}
 * @param imagePullPolicy          {@link #ALWAYS}, {@link #IF_NOT_PRESENT} or {@link #NEVER}
 * @param securityContext          user, privileges and capabilities
 * @param stdin                    whether to keep stdin open
 * @param tty                      whether to allocate a TTY
 */
public record Container(String name, String image, List<String> command, List<String> args, String workingDir,
                        List<ContainerPort> ports, List<EnvFromSource> envFrom, List<EnvVar> env,
                        ResourceRequirements resources, List<VolumeMount> volumeMounts, Probe livenessProbe,
                        Probe readinessProbe, Probe startupProbe, Lifecycle lifecycle, String terminationMessagePath,
                        String terminationMessagePolicy, String imagePullPolicy, SecurityContext securityContext,
                        Boolean stdin, Boolean tty) {

    /** Pull the image every time the container starts. */
    public static final String ALWAYS = "Always";
    /** Pull the image only when it is not on the node. */
    public static final String IF_NOT_PRESENT = "IfNotPresent";
    /** Never pull; the image must be on the node. */
    public static final String NEVER = "Never";
    /** Every supported image pull policy. */
    public static final List<String> PULL_POLICIES = List.of(ALWAYS, IF_NOT_PRESENT, NEVER);
    /** Read the termination message from {@code terminationMessagePath} only. */
    public static final String MESSAGE_FROM_FILE = "File";
    /** Fall back to the end of the log when the message file is empty and the container failed. */
    public static final String MESSAGE_FALLBACK_TO_LOGS = "FallbackToLogsOnError";
    /** Every supported termination message policy. */
    public static final List<String> MESSAGE_POLICIES = List.of(MESSAGE_FROM_FILE, MESSAGE_FALLBACK_TO_LOGS);

    /** Normalises the lists. */
    public Container {
        command = Immutables.list(command);
        args = Immutables.list(args);
        ports = Immutables.list(ports);
        envFrom = Immutables.list(envFrom);
        env = Immutables.list(env);
        volumeMounts = Immutables.list(volumeMounts);
    }

    /** A builder for a container named {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this container's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The port named {@code portName}, if declared. */
    public Optional<ContainerPort> port(String portName) {
        return ports.stream().filter(p -> Objects.equals(p.name(), portName)).findFirst();
    }

    /** The environment variable named {@code varName}, if declared directly in {@code env}. */
    public Optional<EnvVar> envVar(String varName) {
        return env.stream().filter(e -> Objects.equals(e.name(), varName)).findFirst();
    }

    /** The mount of volume {@code volumeName}, if any. */
    public Optional<VolumeMount> mount(String volumeName) {
        return volumeMounts.stream().filter(m -> Objects.equals(m.name(), volumeName)).findFirst();
    }

    /** The resource requirements, never {@code null}. */
    public ResourceRequirements effectiveResources() {
        return resources == null ? ResourceRequirements.NONE : resources;
    }

    /**
     * The pull policy Kubernetes defaults when none is set: {@code Always} for an untagged or {@code :latest} image,
     * else {@code IfNotPresent}.
     */
    public String effectiveImagePullPolicy() {
        if (imagePullPolicy != null && !imagePullPolicy.isEmpty()) {
            return imagePullPolicy;
        }
        if (image == null || image.contains("@")) {
            return IF_NOT_PRESENT;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.endsWith(":latest") ? ALWAYS : IF_NOT_PRESENT;
    }

    /** A copy with another image. */
    public Container withImage(String image) {
        return toBuilder().image(image).build();
    }

    /**
     * Fluent builder of {@link Container}. Not thread-safe. It sets nothing the caller did not ask for: unset
     * fields stay {@code null} and take Kubernetes' defaults on the server, exactly as in YAML.
     *
     * <p>{@link #env(String, String)} and its variants replace a variable of the same name, so that editing a
     * copy with {@link Container#toBuilder()} does not duplicate it; ports and mounts are appended.
     */
    public static final class Builder {
        private final String name;
        private String image;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private String workingDir;
        private List<ContainerPort> ports = List.of();
        private List<EnvFromSource> envFrom = List.of();
        private List<EnvVar> env = List.of();
        private ResourceRequirements resources;
        private List<VolumeMount> volumeMounts = List.of();
        private Probe livenessProbe;
        private Probe readinessProbe;
        private Probe startupProbe;
        private Lifecycle lifecycle;
        private String terminationMessagePath;
        private String terminationMessagePolicy;
        private String imagePullPolicy;
        private SecurityContext securityContext;
        private Boolean stdin;
        private Boolean tty;

        private Builder(String name) {
            this.name = name;
        }

        private Builder(Container c) {
            this(c.name);
            image = c.image;
            command = c.command;
            args = c.args;
            workingDir = c.workingDir;
            ports = c.ports;
            envFrom = c.envFrom;
            env = c.env;
            resources = c.resources;
            volumeMounts = c.volumeMounts;
            livenessProbe = c.livenessProbe;
            readinessProbe = c.readinessProbe;
            startupProbe = c.startupProbe;
            lifecycle = c.lifecycle;
            terminationMessagePath = c.terminationMessagePath;
            terminationMessagePolicy = c.terminationMessagePolicy;
            imagePullPolicy = c.imagePullPolicy;
            securityContext = c.securityContext;
            stdin = c.stdin;
            tty = c.tty;
        }

        /** The container's name. */
        public String name() {
            return name;
        }

        /** Sets the image, such as {@code nginx:1.27}. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Replaces the entrypoint (the image's ENTRYPOINT). */
        public Builder command(String... command) {
            this.command = List.of(command);
            return this;
        }

        /** Replaces the arguments (the image's CMD). */
        public Builder args(String... args) {
            this.args = List.of(args);
            return this;
        }

        /** Sets the working directory. */
        public Builder workingDir(String workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /** Declares an unnamed port; the protocol is left unset (TCP by default). */
        public Builder port(int containerPort) {
            return port(ContainerPort.of(containerPort));
        }

        /** Declares a named port, which Services and probes can refer to by name. */
        public Builder port(String portName, int containerPort) {
            return port(ContainerPort.named(portName, containerPort));
        }

        /** Declares a port configured in full (protocol, host port). */
        public Builder port(ContainerPort port) {
            ports = Immutables.with(ports, port);
            return this;
        }

        /** Sets variable {@code varName} to a literal value. */
        public Builder env(String varName, String value) {
            return env(EnvVar.of(varName, value));
        }

        /** Sets a variable, replacing one of the same name. */
        public Builder env(EnvVar var) {
            env = BuilderLists.upsert(env, var, EnvVar::name);
            return this;
        }

        /** Sets variable {@code varName} to key {@code key} of Secret {@code secret}. */
        public Builder envFromSecret(String varName, String secret, String key) {
            return env(EnvVar.from(varName, EnvVarSource.secretKey(secret, key)));
        }

        /** Sets variable {@code varName} to key {@code key} of ConfigMap {@code configMap}. */
        public Builder envFromConfigMap(String varName, String configMap, String key) {
            return env(EnvVar.from(varName, EnvVarSource.configMapKey(configMap, key)));
        }

        /** Sets variable {@code varName} to a pod field such as {@code status.podIP} (the downward API). */
        public Builder envFromField(String varName, String fieldPath) {
            return env(EnvVar.from(varName, EnvVarSource.field(fieldPath)));
        }

        /** Imports every key of ConfigMap {@code configMap} as a variable. */
        public Builder envFromConfigMap(String configMap) {
            return envFrom(EnvFromSource.configMap(configMap));
        }

        /** Imports every key of Secret {@code secret} as a variable. */
        public Builder envFromSecret(String secret) {
            return envFrom(EnvFromSource.secret(secret));
        }

        /** Imports a ConfigMap or Secret configured in full (with a prefix, optional). */
        public Builder envFrom(EnvFromSource source) {
            envFrom = Immutables.with(envFrom, source);
            return this;
        }

        /**
         * Edits the resource requirements: {@code r -> r.cpu("250m").memory("64Mi").limitMemory("128Mi")}. The short
         * names set requests, the {@code limitXxx} names limits; see {@link ResourceRequirements.Builder}.
         */
        public Builder resources(java.util.function.Consumer<ResourceRequirements.Builder> edit) {
            ResourceRequirements.Builder b = (resources == null ? ResourceRequirements.NONE : resources).toBuilder();
            edit.accept(b);
            resources = b.build();
            return this;
        }

        /** Replaces the resource requirements. */
        public Builder resources(ResourceRequirements resources) {
            this.resources = resources;
            return this;
        }

        /** Mounts volume {@code volumeName} read-write at {@code mountPath}. */
        public Builder mount(String volumeName, String mountPath) {
            return mount(VolumeMount.of(volumeName, mountPath));
        }

        /** Mounts volume {@code volumeName} read-only at {@code mountPath}. */
        public Builder mountReadOnly(String volumeName, String mountPath) {
            return mount(VolumeMount.readOnly(volumeName, mountPath));
        }

        /** Adds a mount configured in full (sub-path). */
        public Builder mount(VolumeMount mount) {
            volumeMounts = Immutables.with(volumeMounts, mount);
            return this;
        }

        /** Sets the liveness probe. */
        public Builder liveness(Probe probe) {
            livenessProbe = probe;
            return this;
        }

        /** Sets the readiness probe. */
        public Builder readiness(Probe probe) {
            readinessProbe = probe;
            return this;
        }

        /** Sets the startup probe. */
        public Builder startup(Probe probe) {
            startupProbe = probe;
            return this;
        }

        /** Sets the lifecycle hooks. */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        /** Sets the pre-stop hook, keeping any post-start hook. */
        public Builder preStop(LifecycleHandler handler) {
            lifecycle = new Lifecycle(lifecycle == null ? null : lifecycle.postStart(), handler);
            return this;
        }

        /** Sets the post-start hook, keeping any pre-stop hook. */
        public Builder postStart(LifecycleHandler handler) {
            lifecycle = new Lifecycle(handler, lifecycle == null ? null : lifecycle.preStop());
            return this;
        }

        /** Sets where the container writes its termination message. */
        public Builder terminationMessagePath(String path) {
            terminationMessagePath = path;
            return this;
        }

        /** Sets the termination message policy, {@code File} or {@code FallbackToLogsOnError}. */
        public Builder terminationMessagePolicy(String policy) {
            terminationMessagePolicy = policy;
            return this;
        }

        /** Sets the image pull policy: {@link #ALWAYS}, {@link #IF_NOT_PRESENT} or {@link #NEVER}. */
        public Builder pullPolicy(String policy) {
            imagePullPolicy = policy;
            return this;
        }

        /** Sets the security context. */
        public Builder securityContext(SecurityContext context) {
            securityContext = context;
            return this;
        }

        /** Runs as {@code uid}, keeping the other security settings. */
        public Builder runAsUser(long uid) {
            SecurityContext s = securityContext == null ? SecurityContext.EMPTY : securityContext;
            securityContext = new SecurityContext(s.capabilities(), s.privileged(), uid, s.runAsGroup(),
                    s.runAsNonRoot(), s.readOnlyRootFilesystem(), s.allowPrivilegeEscalation());
            return this;
        }

        /** Keeps stdin open. */
        public Builder stdin(Boolean stdin) {
            this.stdin = stdin;
            return this;
        }

        /** Allocates a TTY. */
        public Builder tty(Boolean tty) {
            this.tty = tty;
            return this;
        }

        /** The container built so far; the builder stays usable. */
        public Container build() {
            return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources,
                    volumeMounts, livenessProbe, readinessProbe, startupProbe, lifecycle, terminationMessagePath,
                    terminationMessagePolicy, imagePullPolicy, securityContext, stdin, tty);
        }
    }
}
