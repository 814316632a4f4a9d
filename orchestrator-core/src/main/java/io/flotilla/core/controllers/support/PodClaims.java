package io.flotilla.core.controllers.support;

import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Kubernetes' {@code PodControllerRefManager.ClaimPods}: of the pods in an owner's namespace, the ones it controls
 * after adopting orphans that match its selector (and a filter) and releasing its pods whose labels no longer
 * match. An owner being deleted adopts nothing and releases nothing. Stateless and thread-safe; writes go through
 * the given client.
 */
public final class PodClaims {
    private PodClaims() {
    }

    /**
     * The pods {@code owner} controls after adoption and release.
     *
     * @param owner    the controller object (with uid)
     * @param selector its selector; an empty selector adopts nothing (Kubernetes refuses to adopt with it)
     * @param pods     the pods of the owner's namespace, from the cache
     * @param filter   extra condition an orphan must meet to be adopted (such as a StatefulSet's name pattern)
     * @param client   the pod client writes go through
     * @return the controlled pods (adopted ones in their updated form), in the input order
     */
    public static List<Pod> claim(Resource owner, LabelSelector selector, List<Pod> pods, Predicate<Pod> filter,
                                  ResourceClient<Pod> client) {
        String uid = owner.metadata().uid();
        boolean ownerDeleting = owner.metadata().isDeleting();
        List<Pod> out = new ArrayList<>();
        for (Pod pod : pods) {
            OwnerReference ref = pod.metadata().controllerReference().orElse(null);
            boolean matches = !selector.isEmpty() && selector.matches(pod.metadata().labels());
            if (ref != null) {
                if (!Objects.equals(ref.uid(), uid)) {
                    continue;
                }
                if (matches || ownerDeleting) {
                    out.add(pod);
                } else {
                    release(pod, uid, client);
                }
            } else if (matches && !ownerDeleting && !pod.metadata().isDeleting() && filter.test(pod)) {
                Pod adopted = adopt(pod, owner, client);
                if (adopted != null) {
                    out.add(adopted);
                }
            }
        }
        return out;
    }

    private static Pod adopt(Pod pod, Resource owner, ResourceClient<Pod> client) {
        try {
            Pod updated = client.update(pod.metadata().namespace(), pod.metadata().name(), p -> {
                if (p.metadata().controllerReference().isPresent()) {
                    return p;
                }
                return p.withMetadata(p.metadata().toBuilder().ownerReference(OwnerReference.controlledBy(owner))
                        .build());
            });
            return updated.metadata().controllerReference().filter(r -> Objects.equals(r.uid(),
                    owner.metadata().uid())).isPresent() ? updated : null;
        } catch (StoreException.NotFound gone) {
            return null;
        }
    }

    private static void release(Pod pod, String uid, ResourceClient<Pod> client) {
        try {
            client.update(pod.metadata().namespace(), pod.metadata().name(), p -> {
                ObjectMeta m = p.metadata();
                List<OwnerReference> kept = m.ownerReferences().stream()
                        .filter(r -> !Objects.equals(r.uid(), uid)).toList();
                return p.withMetadata(m.toBuilder().ownerReferences(kept).build());
            });
        } catch (StoreException.NotFound gone) {
            // nothing to release
        }
    }
}
