package io.flotilla.core.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.scheduler.BindPlugin;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.util.Objects;

/**
 * The built-in bind plugin, Kubernetes' {@code DefaultBinder}: Kubernetes writes a {@code pods/binding}
 * subresource; here the pod's {@code spec.nodeName} is set by an update (refused if the pod is already bound
 * elsewhere), then the {@code PodScheduled=True} condition is written to its status. Blocks on the API; the
 * framework calls it on a virtual thread. Thread-safe.
 */
public final class DefaultBinder implements BindPlugin {

    /** The plugin name. */
    public static final String NAME = "DefaultBinder";

    private final ApiServer api;
    private final Clock clock;

    /**
     * A binder writing through {@code api}.
     *
     * @param api   the API server; not null
     * @param clock the clock for the condition's transition time; not null
     */
    public DefaultBinder(ApiServer api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Binds the pod.
     *
     * @return success; an error if the pod is gone, already bound to another node, or the API refused the update
     */
    @Override
    public Status bind(CycleState state, PodInfo pod, String nodeName) {
        String ns = PodInfo.namespaceOf(pod.pod());
        String name = pod.pod().metadata().name();
        try {
            Pod bound = api.update(Pod.TYPE, ns, name, p -> p.nodeName() == null || p.nodeName().isEmpty()
                    ? p.withSpec(p.spec().withNodeName(nodeName)) : p);
            if (!nodeName.equals(bound.nodeName())) {
                return Status.error("pod " + pod.key() + " is already bound to node " + bound.nodeName());
            }
            api.updateStatus(Pod.TYPE, ns, name, p -> p.withStatus(
                    (p.status() == null ? PodStatus.of(PodStatus.PENDING) : p.status())
                            .withCondition(PodCondition.of(PodCondition.POD_SCHEDULED, PodCondition.TRUE,
                                    clock.now()))));
            return Status.success();
        } catch (StoreException.NotFound e) {
            return Status.error("pod " + pod.key() + " was deleted before it could be bound");
        } catch (RuntimeException e) {
            return Status.error(e);
        }
    }
}
