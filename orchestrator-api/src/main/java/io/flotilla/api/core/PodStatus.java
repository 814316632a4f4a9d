package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod's observed state, written by the scheduler and the node agent. Immutable; lists are never {@code null}.
 *
 * @param phase                 {@link #PENDING}, {@link #RUNNING}, {@link #SUCCEEDED}, {@link #FAILED} or
 *                              {@link #UNKNOWN}
 * @param conditions            the pod's conditions
 * @param message               why the pod is in this state
 * @param reason                a CamelCase reason, such as {@code Evicted}
 * @param hostIP                the node's address
 * @param podIP                 the pod's primary address
 * @param podIPs                every address of the pod, the primary first
 * @param startTime             when the node agent accepted the pod
 * @param initContainerStatuses the init containers' states
 * @param containerStatuses     the containers' states
 * @param qosClass              {@code Guaranteed}, {@code Burstable} or {@code BestEffort}
 */
public record PodStatus(String phase, List<PodCondition> conditions, String message, String reason, String hostIP,
                        String podIP, List<PodIP> podIPs, Instant startTime,
                        List<ContainerStatus> initContainerStatuses, List<ContainerStatus> containerStatuses,
                        String qosClass) {

    /** Accepted but not all containers are running yet. */
    public static final String PENDING = "Pending";
    /** Bound to a node with at least one container running. */
    public static final String RUNNING = "Running";
    /** Every container exited successfully and will not restart. */
    public static final String SUCCEEDED = "Succeeded";
    /** Every container exited and at least one failed. */
    public static final String FAILED = "Failed";
    /** The state could not be obtained. */
    public static final String UNKNOWN = "Unknown";
    /** Every phase. */
    public static final List<String> PHASES = List.of(PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN);
    /** QoS class: every container has equal requests and limits for CPU and memory. */
    public static final String QOS_GUARANTEED = "Guaranteed";
    /** QoS class: some request or limit is set. */
    public static final String QOS_BURSTABLE = "Burstable";
    /** QoS class: no requests or limits. */
    public static final String QOS_BEST_EFFORT = "BestEffort";

    /** Normalises the lists. */
    public PodStatus {
        conditions = Immutables.list(conditions);
        podIPs = Immutables.list(podIPs);
        initContainerStatuses = Immutables.list(initContainerStatuses);
        containerStatuses = Immutables.list(containerStatuses);
    }

    /** A status with only a phase. */
    public static PodStatus of(String phase) {
        return new PodStatus(phase, List.of(), null, null, null, null, List.of(), null, List.of(), List.of(), null);
    }

    /** The condition of {@code type}, if present. */
    public Optional<PodCondition> condition(String type) {
        // a loop, not a stream: controllers ask this of every pod they list
        for (PodCondition c : conditions) {
            if (Objects.equals(c.type(), type)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether the {@code Ready} condition is {@code True}. */
    public boolean isReady() {
        for (PodCondition c : conditions) {
            if (PodCondition.READY.equals(c.type())) {
                return c.isTrue();
            }
        }
        return false;
    }

    /** Whether the phase is {@link #SUCCEEDED} or {@link #FAILED}: the pod will not run again. */
    public boolean isTerminal() {
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    /** The status of the container or init container named {@code name}, if reported. */
    public Optional<ContainerStatus> containerStatus(String name) {
        for (List<ContainerStatus> statuses : List.of(containerStatuses, initContainerStatuses)) {
            for (ContainerStatus s : statuses) {
                if (Objects.equals(s.name(), name)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** A copy with condition {@code condition} replacing one of the same type, or added. */
    public PodStatus withCondition(PodCondition condition) {
        return new PodStatus(phase, BuilderLists.upsert(conditions, condition, PodCondition::type), message, reason,
                hostIP, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass);
    }

    /** A copy with another phase. */
    public PodStatus withPhase(String phase) {
        return new PodStatus(phase, conditions, message, reason, hostIP, podIP, podIPs, startTime,
                initContainerStatuses, containerStatuses, qosClass);
    }
}
