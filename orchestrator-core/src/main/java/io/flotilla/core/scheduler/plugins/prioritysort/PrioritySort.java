package io.flotilla.core.scheduler.plugins.prioritysort;

import io.flotilla.api.scheduler.QueueSortPlugin;
import io.flotilla.api.scheduler.QueuedPodInfo;

/**
 * Orders the active queue by priority (highest first), then by queue timestamp (oldest first), like Kubernetes'
 * {@code PrioritySort}. Stateless and thread-safe; {@link #compare} does not allocate.
 */
public final class PrioritySort implements QueueSortPlugin {

    /** The plugin name. */
    public static final String NAME = "PrioritySort";

    @Override
    public String name() {
        return NAME;
    }

    /** Negative when {@code a} has the higher priority, or the same priority and an earlier queue timestamp. */
    @Override
    public int compare(QueuedPodInfo a, QueuedPodInfo b) {
        int byPriority = Integer.compare(b.podInfo().priority(), a.podInfo().priority());
        return byPriority != 0 ? byPriority : a.timestamp().compareTo(b.timestamp());
    }
}
