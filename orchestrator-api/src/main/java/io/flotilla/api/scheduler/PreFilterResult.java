package io.flotilla.api.scheduler;

import java.util.Objects;
import java.util.Set;

/**
 * The answer of a PreFilter plugin, like Kubernetes' {@code PreFilterResult} plus its status: a {@link Status} and,
 * optionally, the only node names worth filtering (for example NodeName or a node-affinity on
 * {@code metadata.name}). The framework intersects the sets of all PreFilter plugins. Immutable.
 *
 * @param status    the outcome; never null
 * @param nodeNames the only candidate nodes, or null for all nodes
 */
public record PreFilterResult(Status status, Set<String> nodeNames) {

    private static final PreFilterResult SUCCESS = new PreFilterResult(Status.success(), null);
    private static final PreFilterResult SKIP = new PreFilterResult(Status.skip(), null);

    /** Checks the status and copies the node names. */
    public PreFilterResult {
        Objects.requireNonNull(status, "status");
        nodeNames = nodeNames == null ? null : Set.copyOf(nodeNames);
    }

    /** Success with all nodes as candidates; shared, does not allocate. */
    public static PreFilterResult success() {
        return SUCCESS;
    }

    /** The plugin has nothing to check for this pod: its Filter is skipped for this cycle. Shared. */
    public static PreFilterResult skip() {
        return SKIP;
    }

    /** Success, restricted to {@code nodeNames}. */
    public static PreFilterResult nodes(Set<String> nodeNames) {
        return new PreFilterResult(Status.success(), Objects.requireNonNull(nodeNames, "nodeNames"));
    }

    /** A failed (or otherwise non-success) outcome with all nodes. */
    public static PreFilterResult of(Status status) {
        return status.isSuccess() ? SUCCESS : status.isSkip() ? SKIP : new PreFilterResult(status, null);
    }

    /** Whether every node is a candidate. */
    public boolean allNodes() {
        return nodeNames == null;
    }
}
