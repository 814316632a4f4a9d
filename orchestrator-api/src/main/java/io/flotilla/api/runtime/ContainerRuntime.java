package io.flotilla.api.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A container runtime on one node, shaped like the Kubernetes CRI ({@code runtime.v1} {@code RuntimeService} and
 * {@code ImageService}) plus the named volumes and file delivery Flotilla needs for {@code emptyDir}, PVC, ConfigMap
 * and Secret volumes on hosts it cannot write to.
 *
 * <p><b>Model.</b> A pod gets a <em>sandbox</em> ({@link #runPodSandbox}) that owns its network namespace and IP;
 * its containers are created in the sandbox and share that network ({@code 127.0.0.1} reaches a sibling). Docker
 * implements this as a "dockershim" (a pause container; app containers use network mode {@code container:<id>}),
 * containerd maps it onto CRI one to one, and the simulated runtime models it in memory.
 *
 * <p><b>Labels.</b> Every sandbox, container and volume carries the labels the caller gave it (see
 * {@link RuntimeLabels}); listings filter by them, which is how a restarted cluster adopts or removes what it left
 * behind.
 *
 * <p><b>Idempotence.</b> Stopping something already stopped, and stopping or removing something already gone,
 * succeed and do nothing, as in CRI: clean-up may safely run twice.
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Calls may block for as long as the runtime takes (an image
 * pull, a grace period); callers use virtual threads. Listeners are called on the runtime's threads.
 *
 * <p><b>Errors.</b> Every method throws {@link ContainerRuntimeException} (or a subclass naming the cause) for
 * failures of the runtime, {@link NullPointerException} for {@code null} arguments, and never returns
 * {@code null}.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Where this runtime is reached, such as {@code unix:///var/run/docker.sock}; used in messages. */
    String endpoint();

    /** The runtime's name and versions. */
    RuntimeVersion version();

    /** The host's capacity and system information. */
    RuntimeInfo info();

    // ---- pod sandboxes

    /**
     * Creates and starts a pod sandbox; on return it is {@link SandboxState#READY} with its network set up.
     *
     * @return the sandbox id
     * @throws ContainerRuntimeException if the sandbox cannot be created (a port in use, the network failed)
     */
    String runPodSandbox(PodSandboxConfig config);

    /**
     * Creates a pod sandbox and starts it, returning its id possibly before the start has finished, so the caller
     * can create the pod's containers while the network is set up (a container's create does not need its sandbox
     * running; its start does). Until the start has finished, {@link #podSandboxStatus} and
     * {@link #startContainer} of a container in the sandbox wait for it; if the start failed, the sandbox is gone
     * and {@link #podSandboxStatus} throws the exception {@link #runPodSandbox} would have thrown, and
     * {@link #startContainer} throws {@link ContainerRuntimeException.InvalidState}. The default is
     * {@link #runPodSandbox}: returns once the sandbox is ready.
     *
     * @return the sandbox id
     * @throws ContainerRuntimeException if the sandbox cannot be created
     */
    default String beginPodSandbox(PodSandboxConfig config) {
        return runPodSandbox(config);
    }

    /**
     * Stops the sandbox: kills its containers that still run (without a grace period: stop them gracefully first)
     * and releases its network. The sandbox stays listed as {@link SandboxState#NOTREADY}. Idempotent.
     */
    void stopPodSandbox(String podSandboxId);

    /** Removes the sandbox and all its containers, stopping them first if needed. Idempotent. */
    void removePodSandbox(String podSandboxId);

    /**
     * The sandbox's status, with its IP.
     *
     * @throws ContainerRuntimeException.NotFound if it does not exist
     */
    PodSandboxStatus podSandboxStatus(String podSandboxId);

    /** The sandboxes passing {@code filter}, in creation order. */
    List<PodSandbox> listPodSandboxes(PodSandboxFilter filter);

    // ---- containers

    /**
     * Creates a container in a ready sandbox. The image must be present ({@link #pullImage} first).
     *
     * @param sandboxConfig the configuration the sandbox was created with (CRI passes it again)
     * @return the container id
     * @throws ContainerRuntimeException.NotFound      if the sandbox or the image does not exist
     * @throws ContainerRuntimeException.AlreadyExists if the sandbox has a container with the same name and attempt
     * @throws ContainerRuntimeException.InvalidState  if the sandbox is not ready
     */
    String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig);

    /**
     * Starts a created container. On most runtimes it is {@link ContainerRunState#RUNNING} on return (it may
     * already have exited); the simulated runtime may model a start latency during which it stays
     * {@link ContainerRunState#CREATED} (see its documentation).
     *
     * @throws ContainerRuntimeException.NotFound     if it does not exist
     * @throws ContainerRuntimeException.InvalidState if it was started before
     */
    void startContainer(String containerId);

    /**
     * Stops a container: SIGTERM, then SIGKILL once {@code gracePeriod} has passed. Idempotent.
     *
     * @param gracePeriod how long the process may take to exit; zero kills at once
     */
    void stopContainer(String containerId, Duration gracePeriod);

    /** Removes a container, killing it first if it still runs. Idempotent. */
    void removeContainer(String containerId);

    /**
     * The container's status: state, exit code and reason, times.
     *
     * @throws ContainerRuntimeException.NotFound if it does not exist
     */
    RuntimeContainerStatus containerStatus(String containerId);

    /** The containers passing {@code filter}, in creation order. */
    List<RuntimeContainer> listContainers(ContainerFilter filter);

    /**
     * Runs {@code command} in a running container and waits for it, at most {@code timeout}.
     *
     * @return the exit code and output, or a {@linkplain ExecResult#timedOut() timed-out} result
     * @throws ContainerRuntimeException.NotFound     if the container does not exist
     * @throws ContainerRuntimeException.InvalidState if it is not running
     */
    ExecResult execSync(String containerId, List<String> command, Duration timeout);

    /**
     * Delivers the container's log lines to {@code listener} (see {@link LogListener} for the calling contract).
     * Without {@link LogOptions#follow()}, delivery ends after the lines logged so far; with it, it continues until
     * the container exits or is removed, or the subscription is closed.
     *
     * @return a handle that stops the delivery
     * @throws ContainerRuntimeException.NotFound if the container does not exist
     */
    Subscription logs(String containerId, LogOptions options, LogListener listener);

    /**
     * The lines logged so far, as a list: {@link #logs} without following, waited for.
     *
     * @throws IllegalArgumentException           if {@code options} asks to follow
     * @throws ContainerRuntimeException.NotFound if the container does not exist
     */
    default List<LogLine> readLogs(String containerId, LogOptions options) {
        if (options.follow()) {
            throw new IllegalArgumentException("readLogs cannot follow; use logs() with a listener");
        }
        List<LogLine> lines = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (Subscription ignored = logs(containerId, options, new LogListener() {
            @Override
            public void onLine(LogLine line) {
                synchronized (lines) {
                    lines.add(line);
                }
            }

            @Override
            public void onEnd() {
                done.complete(null);
            }

            @Override
            public void onError(ContainerRuntimeException error) {
                done.completeExceptionally(error);
            }
        })) {
            done.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof ContainerRuntimeException cre ? cre : e;
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * A resource usage sample.
     *
     * @throws ContainerRuntimeException.NotFound if the container does not exist
     */
    ContainerStats containerStats(String containerId);

    // ---- images

    /**
     * Pulls an image (always: pull policy is the caller's business).
     *
     * @param auth credentials, or {@code null} for anonymous
     * @return the image as now present
     * @throws ContainerRuntimeException.ImagePullFailed if the pull fails (with the runtime's message and whether
     *                                                   the image does not exist)
     */
    Image pullImage(ImageSpec image, RegistryAuth auth);

    /** The image if it is present on this runtime, for {@code IfNotPresent} checks. */
    Optional<Image> imageStatus(ImageSpec image);

    /** Every image present. */
    List<Image> listImages();

    /** Removes an image. Idempotent. */
    void removeImage(ImageSpec image);

    // ---- volumes (not in CRI)

    /**
     * Creates a named volume for {@code emptyDir}, PVC, ConfigMap or Secret data, carrying {@code labels}. Creating
     * a volume that exists returns it unchanged.
     */
    RuntimeVolume createVolume(String name, Map<String, String> labels);

    /**
     * Removes a volume and its data. Idempotent.
     *
     * @throws ContainerRuntimeException.InvalidState if a container still uses it
     */
    void removeVolume(String name);

    /** The volumes carrying every one of {@code labels} (all volumes for an empty map). */
    List<RuntimeVolume> listVolumes(Map<String, String> labels);

    /**
     * Replaces the content of a volume with exactly {@code files} (keys are relative paths such as
     * {@code conf/app.yaml}; directories are created), each with its mode. Containers that mount the volume see the
     * new content; the swap is as atomic as the runtime can make it.
     *
     * @throws ContainerRuntimeException.NotFound if the volume does not exist
     * @throws IllegalArgumentException           if a path is absolute or contains {@code ..}
     */
    void writeFiles(String volumeName, Map<String, VolumeFile> files);

    // ---- events and probes

    /**
     * Subscribes to sandbox and container events. Delivery starts with events after this call; the caller should
     * list once after subscribing to learn the current state, and again on {@link RuntimeEventListener#onGap}.
     *
     * @return a handle that ends the subscription
     */
    Subscription subscribe(RuntimeEventListener listener);

    /**
     * A prober that reaches pod IPs from the runtime's side, when the agent cannot dial them itself (see
     * {@link PodNetworkProber}). The default is empty: the agent dials pod IPs directly.
     */
    default Optional<PodNetworkProber> podNetworkProber() {
        return Optional.empty();
    }

    /**
     * This host's address on the pod network that sandboxes of cluster {@code clusterId} join (the network's
     * gateway, such as the Docker network's gateway or the CNI bridge's address): where pods reach a service the
     * host runs, like the cluster DNS, which must listen there on port 53 since resolvers cannot be told a port. The
     * address may change when the runtime recreates the network, so callers ask again for each new sandbox
     * (implementations answer from a cache). The default is empty: the runtime knows no such address (host network
     * only, a simulated runtime), and pods keep the runtime's default resolver.
     *
     * @return the gateway's IP address, or empty if there is none or it cannot be found
     * @throws ContainerRuntimeException if the runtime fails while finding or creating the network
     */
    default Optional<String> podNetworkGateway(String clusterId) {
        return Optional.empty();
    }

    /**
     * Releases the connection to the runtime and ends all subscriptions. Does not touch sandboxes, containers or
     * volumes. Idempotent; calls afterwards fail with {@link ContainerRuntimeException}.
     */
    @Override
    void close();
}
