package io.flotilla.api.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;

/**
 * Decides whether one observed event can help one rejected pod, like Kubernetes' {@code QueueingHintFn}; lets a
 * plugin ignore events that match its subscription but are irrelevant to the pod (a new node in another zone, a
 * deleted pod that did not match the selector). Must be cheap and must not throw: it runs for every unschedulable
 * pod the plugin rejected, on every matching event.
 */
@FunctionalInterface
public interface QueueingHintFunction {

    /**
     * Hints.
     *
     * @param pod       the unschedulable pod; not null
     * @param oldObject the object before the change; null for an add
     * @param newObject the object after the change; null for a delete
     * @return whether to requeue the pod; never null
     */
    QueueingHint hint(Pod pod, Resource oldObject, Resource newObject);
}
