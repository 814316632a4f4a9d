package io.flotilla.core.node;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.LifecycleHandler;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.store.Preconditions;
import io.flotilla.core.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes: kubelet's killPod. Running containers are stopped in parallel (one virtual thread each), each after
 * its preStop exec hook, with the pod's grace period (what is left of deletionGracePeriodSeconds); then the sandbox,
 * every container and the pod's own volumes are removed, and the pod is deleted again with grace 0, which is what
 * lets it leave the store. A pod that vanished from the store (force-deleted) is killed without grace.
 */

/** Terminates pods on one node; called by pod workers. Thread-safe. */
final class PodTerminator {
    private static final Logger LOG = LoggerFactory.getLogger(PodTerminator.class);
    /** How long the stop of a finished pod's sandbox waits for the node's sandbox starts, at most (real time). */
    private static final Duration FINISHED_STOP_YIELD = Duration.ofSeconds(2);

    private final AgentContext ctx;
    private final Consumer<PodWorker> forget;

    PodTerminator(AgentContext ctx, Consumer<PodWorker> forget) {
        this.ctx = ctx;
        this.forget = forget;
    }

    /** Stops and removes everything of the pod, then lets it leave the store. */
    void terminate(PodWorker w) {
        Pod pod = w.pod;
        w.probes.stopAll();
        Duration grace = w.removed ? Duration.ZERO : grace(pod);
        stopRunning(w, pod, grace);
        removeAll(ctx, w.uid);
        ctx.backoff().forgetPrefix(w.uid + "/");
        w.terminated = true;
        w.stop();
        if (!w.removed) {
            try {
                ctx.client().pods().inNamespace(pod.metadata().namespace()).delete(pod.metadata().name(),
                        DeleteOptions.defaults().withGracePeriodSeconds(0).withPreconditions(Preconditions.uid(w.uid)));
            } catch (StoreException.NotFound | StoreException.Conflict gone) {
                // already gone, or a new pod of the same name
            }
        }
        forget.accept(w);
    }

    /** A finished pod (Succeeded or Failed): stop what still runs and release the sandbox; keep the containers. */
    void stopFinished(PodWorker w) {
        w.probes.stopAll();
        if (w.sandboxId == null) {
            return;
        }
        stopRunning(w, w.pod, Duration.ZERO);
        // nothing runs in it any more: its stop can wait for the sandboxes starting now (pods that may depend on
        // this one, such as an API after its migration Job), instead of competing with them for the runtime
        ctx.sandboxStarts().awaitIdle(FINISHED_STOP_YIELD);
        ctx.runtime().stopPodSandbox(w.sandboxId);
        w.sandboxId = null;
    }

    private void stopRunning(PodWorker w, Pod pod, Duration grace) {
        List<Thread> stops = new ArrayList<>();
        RuntimeView view = RuntimeView.of(ctx.runtime(), ctx.clusterId(), w.uid);
        List<Container> all = new ArrayList<>(pod.spec().initContainers());
        all.addAll(pod.spec().containers());
        for (Container c : all) {
            RuntimeContainerStatus s = view.latest(c.name());
            if (RuntimeView.running(s)) {
                stops.add(Thread.ofVirtual().name("flotilla-kill-" + s.id()).start(() -> stop(pod, c, s, grace)));
            }
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stop(Pod pod, Container c, RuntimeContainerStatus s, Duration grace) {
        try {
            LifecycleHandler preStop = c.lifecycle() == null ? null : c.lifecycle().preStop();
            if (preStop != null && preStop.exec() != null && !grace.isZero()) {
                var r = ctx.runtime().execSync(s.id(), preStop.exec().command(), grace);
                if (!r.succeeded()) {
                    ctx.events().record(pod, Event.WARNING, "FailedPreStopHook",
                            "PreStopHook failed: command exited with code %d", r.exitCode());
                }
            }
            ctx.events().record(pod, Event.NORMAL, "Killing", "Stopping container %s", c.name());
            ctx.runtime().stopContainer(s.id(), grace);
        } catch (RuntimeException e) {
            LOG.warn("stopping container {} of pod {}/{} failed", c.name(), pod.metadata().namespace(),
                    pod.metadata().name(), e);
        }
    }

    /** Removes every sandbox, container and pod volume of pod {@code uid} from the runtime. Idempotent. */
    static void removeAll(AgentContext ctx, String uid) {
        ContainerRuntime runtime = ctx.runtime();
        Map<String, String> labels = Map.of(RuntimeLabels.CLUSTER, ctx.clusterId(), RuntimeLabels.POD_UID, uid);
        for (PodSandbox sandbox : runtime.listPodSandboxes(PodSandboxFilter.labels(labels))) {
            runtime.removePodSandbox(sandbox.id());
        }
        for (RuntimeContainer c : runtime.listContainers(ContainerFilter.labels(labels))) {
            runtime.removeContainer(c.id());
        }
        ctx.volumes().tearDown(uid);
    }

    private static Duration grace(Pod pod) {
        Long seconds = pod.metadata().deletionGracePeriodSeconds();
        if (seconds == null) {
            seconds = pod.spec().terminationGracePeriodSeconds();
        }
        return Duration.ofSeconds(seconds == null ? PodSpec.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS : seconds);
    }
}
