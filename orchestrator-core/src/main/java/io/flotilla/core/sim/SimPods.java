package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerFilter;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException.AlreadyExists;
import io.flotilla.api.runtime.ContainerRuntimeException.InvalidState;
import io.flotilla.api.runtime.ContainerRuntimeException.NotFound;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.Image;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxFilter;
import io.flotilla.api.runtime.RuntimeContainer;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.core.time.Cancellable;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The state of one simulated node: sandboxes, containers, images, volumes and IPs, and the lifecycle rules that
 * change them. Not thread-safe: {@link SimulatedRuntime} calls it with its lock held, and its clock tasks come back
 * through the {@code timers} function, which takes the lock again.
 */
final class SimPods {
    private static final String ZEROS = "0".repeat(24);

    final SimImages images = new SimImages();
    final SimVolumes volumes = new SimVolumes();
    final SimEvents events = new SimEvents();
    final SimProcesses processes = new SimProcesses(this);
    private final Clock clock;
    private final String endpoint;
    private final String nodeIp;
    private final IpPool ips;
    private final SerialDelivery delivery;
    private final BiFunction<Duration, Runnable, Cancellable> timers;
    private final Map<String, SimSandbox> sandboxes = new LinkedHashMap<>();
    private final Map<String, SimContainer> containers = new LinkedHashMap<>();
    // the containers of each pod (by the pod uid label), in creation order: a pod worker lists its own each sync
    private final Map<String, List<SimContainer>> containersByPod = new HashMap<>();
    private final String idPrefix;
    private long sequence;

    SimPods(Clock clock, String endpoint, String podCidr, String nodeIp, SerialDelivery delivery,
            BiFunction<Duration, Runnable, Cancellable> timers) {
        this.clock = clock;
        this.endpoint = endpoint;
        this.nodeIp = nodeIp;
        this.ips = new IpPool(podCidr);
        this.delivery = delivery;
        this.timers = timers;
        this.idPrefix = String.format("%08x", endpoint.hashCode());
    }

    String runSandbox(PodSandboxConfig config) {
        String ip = config.hostNetwork() ? nodeIp : ips.allocate();
        SimSandbox sandbox = new SimSandbox(nextId(), config, clock.now(), ip);
        sandboxes.put(sandbox.id, sandbox);
        publish(RuntimeEvent.Type.SANDBOX_READY, sandbox);
        return sandbox.id;
    }

    void stopSandbox(String id) {
        SimSandbox sandbox = sandboxes.get(id);
        if (sandbox == null || sandbox.state == SandboxState.NOTREADY) {
            return;
        }
        containersOf(id).forEach(c -> processes.exit(c, SimProcesses.KILLED, false));
        sandbox.state = SandboxState.NOTREADY;
        if (!sandbox.config.hostNetwork()) {
            ips.release(sandbox.ip);
        }
        sandbox.ip = null;
        publish(RuntimeEvent.Type.SANDBOX_STOPPED, sandbox);
    }

    void removeSandbox(String id) {
        stopSandbox(id);
        SimSandbox sandbox = sandboxes.remove(id);
        if (sandbox != null) {
            containersOf(id).forEach(this::remove);
            publish(RuntimeEvent.Type.SANDBOX_DELETED, sandbox);
        }
    }

    List<PodSandbox> sandboxes(PodSandboxFilter filter) {
        return sandboxes.values().stream().map(SimSandbox::toSandbox).filter(filter::matches).toList();
    }

    String create(String sandboxId, ContainerConfig config) {
        SimSandbox sandbox = sandbox(sandboxId);
        if (sandbox.state != SandboxState.READY) {
            throw new InvalidState(endpoint, "pod sandbox " + sandboxId + " is not ready");
        }
        Image image = images.find(config.image().image())
                .orElseThrow(() -> new NotFound(endpoint, ObjectKind.IMAGE, config.image().image()));
        for (SimContainer other : containersOf(sandboxId)) {
            if (other.config.metadata().equals(config.metadata())) {
                throw new AlreadyExists(endpoint, ObjectKind.CONTAINER, config.metadata().name() + " (attempt "
                        + config.metadata().attempt() + ") in " + sandbox.config.metadata().podKey());
            }
        }
        for (Mount mount : config.mounts()) {
            if (mount.volumeName() != null) {
                requireVolume(mount.volumeName());
            }
        }
        SimContainer c = new SimContainer(nextId(), sandboxId, config, image.id(), clock.now());
        containers.put(c.id, c);
        String pod = config.labels().get(RuntimeLabels.POD_UID);
        if (pod != null) {
            containersByPod.computeIfAbsent(pod, k -> new ArrayList<>(2)).add(c);
        }
        publish(RuntimeEvent.Type.CONTAINER_CREATED, c, 0);
        return c.id;
    }

    /** Marks a created container as starting, so it cannot be started twice while its start latency passes. */
    SimContainer beginStart(String id) {
        SimContainer c = container(id);
        if (c.state != ContainerRunState.CREATED || c.starting) {
            throw new InvalidState(endpoint, "container " + id + " was already started");
        }
        c.starting = true;
        return c;
    }

    /** Starts a container that is still there and still created after its start latency. */
    void finishStart(String id, SimBehavior behavior) {
        SimContainer c = containers.get(id);
        if (c != null && c.state == ContainerRunState.CREATED) {
            processes.start(c, behavior);
        }
    }

    void removeContainer(String id) {
        SimContainer c = containers.get(id);
        if (c != null) {
            remove(c);
        }
    }

    List<RuntimeContainer> containers(ContainerFilter filter) {
        String pod = filter.labels().get(RuntimeLabels.POD_UID);
        Collection<SimContainer> candidates = pod == null ? containers.values()
                : containersByPod.getOrDefault(pod, List.of());
        List<RuntimeContainer> out = new ArrayList<>();
        for (SimContainer c : candidates) {
            // the labels first: most containers of a node belong to other pods
            if (RuntimeLabels.matches(filter.labels(), c.config.labels())) {
                RuntimeContainer view = c.toContainer();
                if (filter.matches(view)) {
                    out.add(view);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    void removeVolume(String name) {
        for (SimContainer c : containers.values()) {
            if (c.config.mounts().stream().anyMatch(m -> name.equals(m.volumeName()))) {
                throw new InvalidState(endpoint, "volume " + name + " is in use by container " + c.id);
            }
        }
        volumes.remove(name);
    }

    void cancelAllTimers() {
        containers.values().forEach(SimContainer::cancelTimers);
    }

    SimSandbox sandbox(String id) {
        SimSandbox sandbox = sandboxes.get(id);
        if (sandbox == null) {
            throw new NotFound(endpoint, ObjectKind.SANDBOX, id);
        }
        return sandbox;
    }

    /** The container {@code id}, or {@code null}. */
    SimContainer findContainer(String id) {
        return containers.get(id);
    }

    SimContainer container(String id) {
        SimContainer c = containers.get(id);
        if (c == null) {
            throw new NotFound(endpoint, ObjectKind.CONTAINER, id);
        }
        return c;
    }

    void requireVolume(String name) {
        if (!volumes.exists(name)) {
            throw new NotFound(endpoint, ObjectKind.VOLUME, name);
        }
    }

    // ---- hooks for SimProcesses

    Clock clock() {
        return clock;
    }

    SerialDelivery delivery() {
        return delivery;
    }

    Cancellable timer(Duration delay, Runnable action) {
        return timers.apply(delay, action);
    }

    List<SimContainer> containersOf(String sandboxId) {
        List<SimContainer> result = new ArrayList<>();
        for (SimContainer c : containers.values()) {
            if (c.sandboxId.equals(sandboxId)) {
                result.add(c);
            }
        }
        return result;
    }

    void publish(RuntimeEvent.Type type, SimContainer c, int exitCode) {
        events.publish(new RuntimeEvent(type, c.sandboxId, c.id, clock.now(), exitCode, c.config.labels()), delivery);
    }

    private void publish(RuntimeEvent.Type type, SimSandbox sandbox) {
        events.publish(new RuntimeEvent(type, sandbox.id, null, clock.now(), 0, sandbox.config.labels()), delivery);
    }

    private void remove(SimContainer c) {
        processes.exit(c, SimProcesses.KILLED, false);
        c.cancelTimers();
        c.log.end(delivery);
        containers.remove(c.id);
        String pod = c.config.labels().get(RuntimeLabels.POD_UID);
        List<SimContainer> ofPod = pod == null ? null : containersByPod.get(pod);
        if (ofPod != null && ofPod.remove(c) && ofPod.isEmpty()) {
            containersByPod.remove(pod);
        }
        publish(RuntimeEvent.Type.CONTAINER_DELETED, c, 0);
    }

    /** The prefix and the sequence number as 24 hex digits (a 32-digit id, as a CRI runtime's are hex). */
    private String nextId() {
        String hex = Long.toHexString(++sequence);
        return idPrefix + ZEROS.substring(hex.length()) + hex;
    }
}
