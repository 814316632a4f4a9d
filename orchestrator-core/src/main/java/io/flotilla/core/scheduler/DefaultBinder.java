package io.flotilla.core.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.BindPlugin;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.store.StoreException;
import java.util.Objects;

/**
 * The built-in bind plugin, Kubernetes' {@code DefaultBinder}: one {@link ApiServer#bind} write (the
 * {@code pods/binding} subresource) sets the pod's {@code spec.nodeName} and its {@code PodScheduled=True}
 * condition; a pod already bound elsewhere or being deleted is an error. Blocks on the API; the framework calls it
 * on a virtual thread. Thread-safe.
 */
public final class DefaultBinder implements BindPlugin {

    /** The plugin name. */
    public static final String NAME = "DefaultBinder";

    private final ApiServer api;

    /**
     * A binder writing through {@code api}.
     *
     * @param api the API server; not null
     */
    public DefaultBinder(ApiServer api) {
        this.api = Objects.requireNonNull(api, "api");
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
        try {
            Pod bound = api.bind(PodInfo.namespaceOf(pod.pod()), pod.pod().metadata().name(), nodeName);
            if (bound.metadata().deletionTimestamp() != null && bound.nodeName() == null) {
                return Status.error("pod " + pod.key() + " is being deleted, cannot be assigned to a host");
            }
            if (!nodeName.equals(bound.nodeName())) {
                return Status.error("pod " + pod.key() + " is already bound to node " + bound.nodeName());
            }
            return Status.success();
        } catch (StoreException.NotFound e) {
            return Status.error("pod " + pod.key() + " was deleted before it could be bound");
        } catch (RuntimeException e) {
            return Status.error(e);
        }
    }
}
