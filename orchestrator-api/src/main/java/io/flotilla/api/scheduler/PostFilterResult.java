package io.flotilla.api.scheduler;

import java.util.Objects;

/**
 * The answer of a PostFilter plugin, like Kubernetes' {@code PostFilterResult} plus its status: on success the node
 * the pod is nominated to (after victims were evicted there), to be retried once the victims are gone. Immutable.
 *
 * @param status            success, or why nothing could be done; never null
 * @param nominatedNodeName the nominated node on success; null otherwise
 */
public record PostFilterResult(Status status, String nominatedNodeName) {

    /** Checks the status. */
    public PostFilterResult {
        Objects.requireNonNull(status, "status");
    }

    /** The pod is nominated to {@code nodeName}. */
    public static PostFilterResult nominated(String nodeName) {
        return new PostFilterResult(Status.success(), Objects.requireNonNull(nodeName, "nodeName"));
    }

    /** Nothing could be done; {@code status} says why (its reasons join the FailedScheduling message). */
    public static PostFilterResult of(Status status) {
        return new PostFilterResult(status, null);
    }
}
