package io.flotilla.api.scheduler;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A change in the cluster — a kind and what happened to it — like Kubernetes' {@code framework.ClusterEvent}. Used
 * both for subscriptions (in {@link EnqueueExtensions}) and for the events the scheduler observes; a subscription
 * {@linkplain #matches matches} an observed event when the kinds agree (or either is {@link EventResource#WILDCARD})
 * and they share an action ({@link ActionType#UPDATE} in a subscription covers every update kind, {@link
 * ActionType#ALL} everything). Immutable.
 *
 * @param resource the kind; never null
 * @param actions  what happened; never null or empty
 * @param label    a short name for metrics and logs, such as {@code NodeTaintChange}; never null
 */
public record ClusterEvent(EventResource resource, Set<ActionType> actions, String label) {

    /** Checks and copies. */
    public ClusterEvent {
        Objects.requireNonNull(resource, "resource");
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a cluster event needs at least one action");
        }
        actions = Set.copyOf(actions);
        label = label == null ? resource + "/" + actions : label;
    }

    /** An event of {@code resource} with these actions and a generated label. */
    public static ClusterEvent of(EventResource resource, ActionType first, ActionType... more) {
        return new ClusterEvent(resource, EnumSet.of(first, more), null);
    }

    /**
     * Whether this subscription covers {@code observed}.
     *
     * @param observed an event the scheduler saw; not null
     */
    public boolean matches(ClusterEvent observed) {
        if (resource != EventResource.WILDCARD && observed.resource != EventResource.WILDCARD
                && resource != observed.resource) {
            return false;
        }
        if (actions.contains(ActionType.ALL) || observed.actions.contains(ActionType.ALL)) {
            return true;
        }
        for (ActionType a : observed.actions) {
            if (actions.contains(a) || (a.isUpdate() && actions.contains(ActionType.UPDATE))) {
                return true;
            }
        }
        return false;
    }
}
