package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The desired state of a Node. Immutable; lists are never {@code null}, scalars are {@code null} when unset.
 *
 * @param podCIDR       the pod IP range of this node
 * @param podCIDRs      the pod IP ranges, one per IP family, the first equal to {@code podCIDR}
 * @param providerID    the node's id at its provider, such as {@code docker://edge-1}
 * @param unschedulable whether the node is cordoned: no new pods are scheduled on it
 * @param taints        marks that repel pods without matching tolerations
 */
public record NodeSpec(String podCIDR, List<String> podCIDRs, String providerID, Boolean unschedulable,
                       List<Taint> taints) {

    /** Normalises absent lists. */
    public NodeSpec {
        podCIDRs = Immutables.list(podCIDRs);
        taints = Immutables.list(taints);
    }
}
