package io.flotilla.api.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What a plugin may use of the scheduler, one handle per profile, like Kubernetes' {@code framework.Handle}: the
 * snapshot of the current cycle, the clock, cached objects, the profile's own Filter plugins for preemption
 * simulations, eviction of victims, events, and the pods waiting at Permit. Thread-safe.
 */
public interface SchedulerHandle {

    /** The name of the profile ({@code schedulerName}) this handle belongs to; never null. */
    String profileName();

    /**
     * The snapshot of the cycle in progress. Valid for the duration of a plugin call made by a scheduling cycle;
     * do not keep it across cycles.
     */
    ClusterSnapshot snapshot();

    /** The scheduler's clock (virtual in tests); never null. */
    InstantSource clock();

    /** Cached objects of other kinds (volumes, claims, namespaces); never null. */
    ObjectLookup objects();

    /**
     * Runs this profile's Filter plugins for {@code pod} on {@code node} — typically a simulated copy with victims
     * removed — stopping at the first failure, as Kubernetes' {@code RunFilterPluginsWithNominatedPods} does.
     *
     * @return success, or the first failing plugin's status
     */
    Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node);

    /**
     * Tells every PreFilter plugin of this profile that {@code added} is now on {@code node} in a simulation, so
     * their cycle state stays consistent (Kubernetes' {@code RunPreFilterExtensionAddPod}).
     */
    Status runPreFilterAddPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node);

    /** The counterpart of {@link #runPreFilterAddPod} for a pod removed in a simulation. */
    Status runPreFilterRemovePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node);

    /**
     * The pods nominated to {@code nodeName} by earlier preemptions and not yet bound, highest priority first.
     *
     * @return the nominated pods; never null
     */
    List<PodInfo> nominatedPods(String nodeName);

    /**
     * Evicts {@code victim} to make room for {@code preemptor}: records a {@code Preempted} event on the victim and
     * deletes it through the API (with its grace period). Never blocks the caller.
     *
     * @return completes when the deletion was accepted; completes exceptionally if the API refused it
     */
    CompletionStage<Void> evict(Pod victim, Pod preemptor);

    /**
     * Records an event about {@code regarding} (deduplicated and rate-limited like every event).
     *
     * @param type    {@code Normal} or {@code Warning}
     * @param reason  a short UpperCamelCase reason
     * @param message a human-readable message
     */
    void recordEvent(Resource regarding, String type, String reason, String message);

    /**
     * The pod with id {@code podId} if it is waiting at Permit.
     *
     * @param podId a {@link PodInfo#id()}
     */
    Optional<WaitingPod> waitingPod(String podId);

    /** Calls {@code action} for every pod waiting at Permit (of every profile). */
    void forEachWaitingPod(Consumer<WaitingPod> action);
}
