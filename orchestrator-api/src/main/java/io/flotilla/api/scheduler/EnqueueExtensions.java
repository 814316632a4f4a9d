package io.flotilla.api.scheduler;

import java.util.List;

/**
 * Says which cluster events can make a pod this plugin rejected schedulable again, like Kubernetes'
 * {@code EnqueueExtensions}. When a plugin rejects a pod, the pod waits among the unschedulable pods until an
 * event matching a subscription of one of the plugins that rejected it arrives (and its hint says
 * {@link QueueingHint#QUEUE}); other events leave it alone. Plugins that reject pods (Filter, PreFilter, Permit...)
 * should implement this; a rejecting plugin without it is treated as interested in every event.
 */
public interface EnqueueExtensions {

    /**
     * The subscriptions; called once at startup.
     *
     * @return the events that may help; never null
     */
    List<ClusterEventWithHint> eventsToRegister();
}
