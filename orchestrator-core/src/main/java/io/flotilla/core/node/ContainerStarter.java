package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.LifecycleHandler;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.ResourceRequirements;
import io.flotilla.api.core.SecurityContext;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerSecurity;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/*
 * Design notes: kubelet's startContainer: pull (by policy, with image pull back-off), generate the config (env,
 * mounts: where CreateContainerConfigError comes from), create, start, postStart hook. Every failure becomes the
 * container's waiting reason plus a Warning event, and the pod worker is kicked again later; nothing throws to
 * the caller, so a bad image or command never wedges the worker.
 */

/** Starts one container attempt of a pod; used by the pod's worker only. */
final class ContainerStarter {
    static final String CONTAINER_CREATING = "ContainerCreating";
    static final Duration CONFIG_RETRY = Duration.ofSeconds(10);

    private final AgentContext ctx;

    ContainerStarter(AgentContext ctx) {
        this.ctx = ctx;
    }

    /** Starts attempt {@code attempt} of {@code c}; {@code true} if it was started. */
    boolean start(PodWorker w, Container c, int attempt) {
        Pod pod = w.pod;
        if (!ensureImage(w, pod, c)) {
            return false;
        }
        ContainerConfig config;
        try {
            config = config(w, pod, c, attempt);
        } catch (ConfigError e) {
            fail(w, c, e.reason(), e.getMessage(), CONFIG_RETRY);
            return false;
        }
        ContainerRuntime runtime = ctx.runtime();
        String id;
        try {
            if (attempt > 0) {
                prune(pod, c.name(), attempt);
            }
            id = runtime.createContainer(w.sandboxId, config, w.sandboxConfig);
        } catch (ContainerRuntimeException e) {
            fail(w, c, "CreateContainerError", e.getMessage(), CONFIG_RETRY);
            return false;
        }
        ctx.events().record(pod, Event.NORMAL, "Created", "Created container %s", c.name());
        try {
            runtime.startContainer(id);
        } catch (ContainerRuntimeException e) {
            runtime.removeContainer(id);
            if (sandboxStartFailed(w)) {
                return false; // the sync reports the sandbox's failure (FailedCreatePodSandBox) and retries it
            }
            String key = restartKey(w, c);
            ctx.backoff().next(key, ctx.clock().now());
            w.startFailures.put(c.name(), ctx.clock().now());
            fail(w, c, "RunContainerError", e.getMessage(), ctx.backoff().delay(key));
            return false;
        }
        ctx.events().record(pod, Event.NORMAL, "Started", "Started container %s", c.name());
        w.waiting.remove(c.name());
        w.startFailures.remove(c.name());
        postStart(w, pod, c, id);
        return true;
    }

    /** Whether the sandbox begun by this sync failed to start, so a container in it could not start. */
    private boolean sandboxStartFailed(PodWorker w) {
        if (!w.sandboxStarting) {
            return false;
        }
        try {
            ctx.runtime().podSandboxStatus(w.sandboxId);
            return false;
        } catch (ContainerRuntimeException e) {
            return true;
        }
    }

    /** The back-off key of a container's restarts. */
    static String restartKey(PodWorker w, Container c) {
        return w.uid + "/" + c.name();
    }

    private boolean ensureImage(PodWorker w, Pod pod, Container c) {
        ImageSpec image = ImageSpec.of(c.image());
        String policy = c.effectiveImagePullPolicy();
        boolean present = ctx.runtime().imageStatus(image).isPresent();
        if (Container.NEVER.equals(policy) && !present) {
            fail(w, c, "ErrImageNeverPull", "Container image \"" + c.image()
                    + "\" is not present with pull policy of Never", CONFIG_RETRY);
            return false;
        }
        if (present && !Container.ALWAYS.equals(policy)) {
            ctx.events().record(pod, Event.NORMAL, "Pulled", "Container image \"%s\" already present on machine",
                    c.image());
            return true;
        }
        String key = w.uid + "/image/" + c.image();
        if (ctx.backoff().inBackOffSinceUpdate(key)) {
            String message = "Back-off pulling image \"" + c.image() + "\"";
            ctx.events().record(pod, Event.NORMAL, "BackOff", "%s", message);
            w.waiting.put(c.name(), new PodWorker.Waiting("ImagePullBackOff", message));
            w.kickAfter(ctx.backoff().remainingSinceUpdate(key));
            return false;
        }
        ctx.events().record(pod, Event.NORMAL, "Pulling", "Pulling image \"%s\"", c.image());
        try {
            long started = ctx.clock().nanoTime();
            ctx.runtime().pullImage(image, null);
            ctx.events().record(pod, Event.NORMAL, "Pulled", "Successfully pulled image \"%s\" in %dms",
                    c.image(), Duration.ofNanos(ctx.clock().nanoTime() - started).toMillis());
            return true;
        } catch (ContainerRuntimeException e) {
            ctx.backoff().next(key, ctx.clock().now());
            String message = e instanceof ContainerRuntimeException.ImagePullFailed f ? f.daemonMessage()
                    : e.getMessage();
            ctx.events().record(pod, Event.WARNING, "Failed", "Failed to pull image \"%s\": %s", c.image(), message);
            fail(w, c, "ErrImagePull", message, Duration.ZERO);
            return false;
        }
    }

    private ContainerConfig config(PodWorker w, Pod pod, Container c, int attempt) throws ConfigError {
        FieldPaths fields = new FieldPaths(pod, w.podIP, ctx.hostIP(), ctx.allocatable());
        Map<String, String> env = ctx.env().resolve(pod, c, fields);
        List<Mount> mounts = VolumeManager.mounts(c, w.volumeSources);
        ResourceRequirements r = c.effectiveResources();
        ContainerConfig.Builder b = ContainerConfig.builder(c.name(), c.image())
                .attempt(attempt)
                .command(expand(c.command(), env))
                .args(expand(c.args(), env))
                .resources(ContainerResources.fromKubernetes(r.effectiveRequest(ResourceRequirements.CPU),
                        r.limits().get(ResourceRequirements.CPU), r.limits().get(ResourceRequirements.MEMORY)))
                .security(security(pod, c))
                .labels(RuntimeLabels.forContainer(ctx.podLabels(pod.metadata().namespace(), pod.metadata().name(),
                        pod.metadata().uid(), RuntimeLabels.KIND_CONTAINER), c.name(), attempt))
                .label(RuntimeLabels.NODE, ctx.nodeName())
                .label(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER)
                .terminal(Boolean.TRUE.equals(c.stdin()), false, Boolean.TRUE.equals(c.tty()));
        if (c.workingDir() != null) {
            b.workingDir(c.workingDir());
        }
        env.forEach(b::env);
        mounts.forEach(b::mount);
        return b.build();
    }

    private static ContainerSecurity security(Pod pod, Container c) {
        SecurityContext sc = c.securityContext();
        var psc = pod.spec().securityContext();
        Long user = sc != null && sc.runAsUser() != null ? sc.runAsUser() : psc == null ? null : psc.runAsUser();
        Long group = sc != null && sc.runAsGroup() != null ? sc.runAsGroup() : psc == null ? null : psc.runAsGroup();
        if (sc == null) {
            return new ContainerSecurity(user, group, false, false, false, null, null);
        }
        return new ContainerSecurity(user, group, Boolean.TRUE.equals(sc.privileged()),
                Boolean.TRUE.equals(sc.readOnlyRootFilesystem()), Boolean.FALSE.equals(sc.allowPrivilegeEscalation()),
                sc.capabilities() == null ? null : sc.capabilities().add(),
                sc.capabilities() == null ? null : sc.capabilities().drop());
    }

    private static List<String> expand(List<String> values, Map<String, String> env) {
        List<String> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(EnvResolver.expand(v, env)));
        return out;
    }

    private void postStart(PodWorker w, Pod pod, Container c, String id) {
        LifecycleHandler hook = c.lifecycle() == null ? null : c.lifecycle().postStart();
        if (hook == null || hook.exec() == null) {
            return;
        }
        ExecResult r = ctx.runtime().execSync(id, hook.exec().command(), Duration.ofSeconds(30));
        if (!r.succeeded()) {
            ctx.events().record(pod, Event.WARNING, "FailedPostStartHook",
                    "PostStartHook failed: command exited with code %d", r.exitCode());
            ctx.runtime().stopContainer(id, Duration.ZERO);
        }
    }

    /**
     * Removes attempts older than the one before {@code attempt} (kubelet keeps one dead container for logs). Not
     * needed for attempt 0: the worker starts it only when the runtime holds no attempt of the container.
     */
    private void prune(Pod pod, String name, int attempt) {
        Map<String, String> labels = Map.of(RuntimeLabels.CLUSTER, ctx.clusterId(), RuntimeLabels.POD_UID,
                pod.metadata().uid(), RuntimeLabels.CONTAINER_NAME, name);
        for (RuntimeContainer old : ctx.runtime().listContainers(ContainerFilter.labels(labels))) {
            if (old.metadata().attempt() < attempt - 1 || old.metadata().attempt() == attempt) {
                ctx.runtime().removeContainer(old.id());
            }
        }
    }

    private void fail(PodWorker w, Container c, String reason, String message, Duration retry) {
        w.waiting.put(c.name(), new PodWorker.Waiting(reason, message));
        if (!reason.startsWith("ErrImage")) {
            ctx.events().record(w.pod, Event.WARNING, "Failed", "Error: %s", message);
        } else if ("ErrImageNeverPull".equals(reason)) {
            ctx.events().record(w.pod, Event.WARNING, reason, "%s", message);
        }
        w.kickAfter(retry);
    }
}
