package io.flotilla.api.scheduler;

import java.util.Objects;

/**
 * A subscription of a plugin to a {@link ClusterEvent}, with an optional {@link QueueingHintFunction} (Kubernetes'
 * {@code ClusterEventWithHint}). Without a hint every matching event requeues the pods the plugin rejected.
 * Immutable.
 *
 * @param event the events subscribed to; never null
 * @param hint  the hint, or null to always requeue
 */
public record ClusterEventWithHint(ClusterEvent event, QueueingHintFunction hint) {

    /** Checks the event. */
    public ClusterEventWithHint {
        Objects.requireNonNull(event, "event");
    }

    /** A subscription without hint. */
    public static ClusterEventWithHint of(ClusterEvent event) {
        return new ClusterEventWithHint(event, null);
    }
}
