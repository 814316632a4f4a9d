package io.flotilla.api.scheduler;

/**
 * Why each node was rejected in a cycle, as PostFilter plugins see it, like Kubernetes' {@code NodeToStatus}.
 * Nodes that were never filtered (excluded by a PreFilter result) report the absent-node status, which is
 * {@link Status.Code#UNSCHEDULABLE_AND_UNRESOLVABLE}. Read-only; valid during the PostFilter call.
 */
public interface NodeToStatus {

    /**
     * The rejection of one node.
     *
     * @param nodeName a node name; not null
     * @return the failing plugin's status; never null
     */
    Status get(String nodeName);
}
