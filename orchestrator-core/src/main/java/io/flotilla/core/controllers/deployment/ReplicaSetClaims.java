package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes' {@code ClaimReplicaSets}: of the ReplicaSets in a Deployment's namespace, the ones it controls after
 * adopting orphans its selector matches and releasing its own that no longer match. A Deployment being deleted
 * adopts and releases nothing. Stateless; writes go through the given client.
 */
final class ReplicaSetClaims {
    private ReplicaSetClaims() {
    }

    static List<ReplicaSet> claim(Deployment d, List<ReplicaSet> candidates, ResourceClient<ReplicaSet> client) {
        String uid = d.metadata().uid();
        LabelSelector selector = d.spec().selector();
        boolean deleting = d.metadata().isDeleting();
        List<ReplicaSet> out = new ArrayList<>();
        for (ReplicaSet rs : candidates) {
            OwnerReference ref = rs.metadata().controllerReference().orElse(null);
            boolean matches = selector.matches(rs.metadata().labels());
            if (ref != null) {
                if (!Objects.equals(ref.uid(), uid)) {
                    continue;
                }
                if (matches || deleting) {
                    out.add(rs);
                } else {
                    release(rs, uid, client);
                }
            } else if (matches && !deleting && !rs.metadata().isDeleting()) {
                ReplicaSet adopted = adopt(rs, d, client);
                if (adopted != null) {
                    out.add(adopted);
                }
            }
        }
        return out;
    }

    private static ReplicaSet adopt(ReplicaSet rs, Deployment d, ResourceClient<ReplicaSet> client) {
        try {
            ReplicaSet updated = client.update(rs.metadata().namespace(), rs.metadata().name(), r ->
                    r.metadata().controllerReference().isPresent() ? r
                            : r.withMetadata(r.metadata().toBuilder()
                                    .ownerReference(OwnerReference.controlledBy(d)).build()));
            return updated.metadata().controllerReference()
                    .filter(ref -> Objects.equals(ref.uid(), d.metadata().uid())).isPresent() ? updated : null;
        } catch (StoreException.NotFound gone) {
            return null;
        }
    }

    private static void release(ReplicaSet rs, String uid, ResourceClient<ReplicaSet> client) {
        try {
            client.update(rs.metadata().namespace(), rs.metadata().name(), r -> {
                ObjectMeta m = r.metadata();
                return r.withMetadata(m.toBuilder().ownerReferences(m.ownerReferences().stream()
                        .filter(ref -> !Objects.equals(ref.uid(), uid)).toList()).build());
            });
        } catch (StoreException.NotFound gone) {
            // nothing to release
        }
    }
}
