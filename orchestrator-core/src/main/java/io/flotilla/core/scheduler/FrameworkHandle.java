package io.flotilla.core.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.scheduler.ClusterSnapshot;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.SchedulerHandle;
import io.flotilla.api.scheduler.Status;
import io.flotilla.api.scheduler.WaitingPod;
import io.flotilla.core.store.StoreException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The {@link SchedulerHandle} of one profile. Thread-safe. */
final class FrameworkHandle implements SchedulerHandle {

    /** The condition reason Kubernetes sets on a pod evicted by preemption. */
    static final String PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

    private final String profileName;
    private final SchedulerServices services;
    private final InstantSource instantSource;
    private volatile Framework framework;

    FrameworkHandle(String profileName, SchedulerServices services) {
        this.profileName = profileName;
        this.services = services;
        this.instantSource = services.clock()::now;
    }

    void bind(Framework framework) {
        this.framework = framework;
    }

    /** The binder used when a profile enables none: {@link DefaultBinder} over the API server. */
    DefaultBinder defaultBinder() {
        if (services.api() == null) {
            throw new IllegalStateException("DefaultBinder needs an API server; this scheduler has none");
        }
        return new DefaultBinder(services.api());
    }

    @Override
    public String profileName() {
        return profileName;
    }

    @Override
    public ClusterSnapshot snapshot() {
        return services.snapshot();
    }

    @Override
    public InstantSource clock() {
        return instantSource;
    }

    @Override
    public ObjectLookup objects() {
        return services.objects();
    }

    @Override
    public Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node) {
        return framework.runFilters(state, pod, node);
    }

    @Override
    public Status runPreFilterAddPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
        return framework.runPreFilterAddPod(state, pod, added, node);
    }

    @Override
    public Status runPreFilterRemovePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
        return framework.runPreFilterRemovePod(state, pod, removed, node);
    }

    @Override
    public List<PodInfo> nominatedPods(String nodeName) {
        return services.nominator().nominatedPods(nodeName);
    }

    @Override
    public CompletionStage<Void> evict(Pod victim, Pod preemptor) {
        if (services.api() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no API server to evict through"));
        }
        String ns = PodInfo.namespaceOf(victim);
        String name = victim.metadata().name();
        return CompletableFuture.runAsync(() -> {
            try {
                services.api().updateStatus(Pod.TYPE, ns, name, p -> p.withStatus(
                        (p.status() == null ? PodStatus.of(PodStatus.PENDING) : p.status()).withCondition(
                                new PodCondition(PodCondition.DISRUPTION_TARGET, PodCondition.TRUE, null,
                                        services.clock().now(), PREEMPTION_BY_SCHEDULER, profileName
                                        + ": preempting to accommodate a higher priority pod"))));
            } catch (StoreException.NotFound gone) {
                return;
            } catch (RuntimeException ignored) {
                // the condition is informational; deletion below is what matters
            }
            try {
                services.api().delete(Pod.TYPE, ns, name);
            } catch (StoreException.NotFound gone) {
                return;
            }
            recordEvent(victim, "Normal", "Preempted", "Preempted by pod " + preemptor.metadata().uid()
                    + " on node " + victim.nodeName());
        }, services.executor());
    }

    @Override
    public void recordEvent(Resource regarding, String type, String reason, String message) {
        if (services.recorder() != null) {
            services.recorder().record(regarding, type, reason, "%s", message);
        }
    }

    @Override
    public Optional<WaitingPod> waitingPod(String podId) {
        return services.waitingPods().get(podId);
    }

    @Override
    public void forEachWaitingPod(Consumer<WaitingPod> action) {
        services.waitingPods().forEach(action);
    }
}
