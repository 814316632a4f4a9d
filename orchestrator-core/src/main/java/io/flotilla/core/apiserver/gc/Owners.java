package io.flotilla.core.apiserver.gc;

import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import java.util.Optional;

/** How a dependent's owner reference stands, as Kubernetes' {@code classifyReferences}. Stateless. */
final class Owners {

    /** The state of one owner. */
    enum State {
        /** The owner exists and is not waiting for its dependents: the dependent stays. */
        SOLID,
        /** The owner is absent or has another uid. */
        DANGLING,
        /** The owner is being deleted in Foreground and waits for its dependents. */
        WAITING
    }

    private Owners() {
    }

    /** Reads the owner {@code ref} names (in the dependent's namespace for namespaced kinds) and classifies it. */
    static State classify(ApiServer api, Resource dependent, OwnerReference ref) {
        Optional<ResourceType<?>> type = api.types().find(ref.apiVersion(), ref.kind());
        if (type.isEmpty() || ref.uid() == null || ref.name() == null) {
            return State.SOLID; // unresolvable: never collect on a guess
        }
        String namespace = null;
        if (type.get().namespaced()) {
            if (dependent.metadata().namespace() == null) {
                return State.SOLID; // a cluster-scoped object cannot be owned by a namespaced one: unresolvable
            }
            namespace = dependent.metadata().namespace();
        }
        Optional<? extends Resource> owner = api.get(type.get(), namespace, ref.name());
        if (owner.isEmpty() || !ref.uid().equals(owner.get().metadata().uid())) {
            return State.DANGLING;
        }
        var meta = owner.get().metadata();
        if (meta.isDeleting() && meta.finalizers().contains(ApiServer.FOREGROUND_DELETION_FINALIZER)) {
            return State.WAITING;
        }
        return State.SOLID;
    }
}
