package io.flotilla.core.scheduler;

import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PostFilterResult;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.store.StoreException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/*
 * Design notes: Kubernetes' scheduleOne. The scheduling cycle (snapshot, algorithm, assume, Reserve, Permit) runs
 * on the single scheduling thread; the binding cycle (wait at Permit, PreBind, Bind, PostBind) runs on the
 * binding executor (virtual threads), so the next pod is scheduled while this one is being written. The pod is
 * assumed in the cache before Reserve, so the next cycle already sees its resources taken; any later failure
 * unreserves, forgets the assumption and requeues the pod, and (like Kubernetes) wakes unschedulable pods, since
 * the freed reservation may help them.
 */

/** One pod through the framework. Scheduling-cycle methods run on the scheduling thread only. */
final class ScheduleOne {

    static final ClusterEvent ASSIGNED_POD_DELETE = new ClusterEvent(EventResource.POD, Set.of(ActionType.DELETE),
            "AssignedPodDelete");

    private final SchedulerServices services;
    private final SchedulerCache cache;
    private final SchedulingQueue queue;
    private final Map<String, Framework> frameworks;
    private final Map<String, NodeSelection> selections;
    private final SchedulerMetrics metrics;

    ScheduleOne(SchedulerServices services, SchedulerCache cache, SchedulingQueue queue,
                Map<String, Framework> frameworks, Map<String, NodeSelection> selections, SchedulerMetrics metrics) {
        this.services = services;
        this.cache = cache;
        this.queue = queue;
        this.frameworks = frameworks;
        this.selections = selections;
        this.metrics = metrics;
    }

    static String schedulerNameOf(Pod pod) {
        String name = pod.spec() == null ? null : pod.spec().schedulerName();
        return name == null || name.isEmpty() ? Profile.DEFAULT_SCHEDULER_NAME : name;
    }

    /** Runs the scheduling cycle of {@code q} and hands a successful pod to the binding executor. */
    void schedule(QueuedPod q) {
        long start = services.clock().nanoTime();
        PodInfo pod = q.podInfo;
        Framework fwk = frameworks.get(schedulerNameOf(pod.pod()));
        if (fwk == null || pod.pod().metadata().deletionTimestamp() != null || cache.isAssumed(pod.id())) {
            queue.done(q);
            return;
        }
        cache.updateSnapshot(services.snapshot());
        CycleState state = fwk.newCycleState();
        ScheduleResult result = selections.get(fwk.name()).schedule(state, pod, services.snapshot());
        if (!result.isSelected()) {
            if (result.isFitError()) {
                postFilter(fwk, state, pod, result.diagnosis());
            }
            fail(fwk, q, result.status(), result.diagnosis(), start);
            return;
        }
        String node = result.nodeName();
        PodInfo assumed = pod.withNodeName(node);
        cache.assume(assumed, node);
        Status reserved = fwk.runReserve(state, assumed, node);
        if (!reserved.isSuccess()) {
            cache.forget(assumed.id());
            fail(fwk, q, reserved, null, start);
            return;
        }
        Framework.PermitOutcome permit = fwk.runPermit(state, assumed, node);
        if (!permit.status().isSuccess() && permit.status().code() != Status.Code.WAIT) {
            fwk.runUnreserve(state, assumed, node);
            cache.forget(assumed.id());
            fail(fwk, q, permit.status(), null, start);
            return;
        }
        services.nominator().remove(pod.id());
        queue.done(q);
        metrics.scheduled(services.clock().nanoTime() - start);
        services.executor().execute(() -> bind(fwk, q, state, assumed, node, permit));
    }

    /** The binding cycle; runs on the binding executor and may block. A pod held at Permit parks no thread. */
    void bind(Framework fwk, QueuedPod q, CycleState state, PodInfo pod, String node,
              Framework.PermitOutcome permit) {
        if (permit.status().code() == Status.Code.WAIT) {
            services.waitingPods().hold(pod, node, permit.waitingOn(), permit.timeout()).whenComplete((s, t) ->
                    services.executor().execute(() -> bindAllowed(fwk, q, state, pod, node,
                            t != null ? Status.error(t) : s)));
        } else {
            bindAllowed(fwk, q, state, pod, node, Status.success());
        }
    }

    private void bindAllowed(Framework fwk, QueuedPod q, CycleState state, PodInfo pod, String node, Status permit) {
        Status s = permit;
        if (s.isSuccess()) {
            s = fwk.runPreBind(state, pod, node);
        }
        if (s.isSuccess()) {
            s = fwk.runBind(state, pod, node);
        }
        if (s.isSuccess()) {
            cache.finishBinding(pod.id());
            fwk.runPostBind(state, pod, node);
            metrics.bound(services.clock().nanoTime() - q.initialNanos);
            return;
        }
        fwk.runUnreserve(state, pod, node);
        cache.forget(pod.id());
        // the freed reservation is an assigned-pod delete for the others; as in Kubernetes, a rejected pod itself
        // stays unschedulable, while after an error it goes to backoff
        if (s.isRejected()) {
            fail(fwk, q, s, null, -1);
            queue.onEvent(ASSIGNED_POD_DELETE, pod.pod(), null, pod.id());
        } else {
            queue.onEvent(ASSIGNED_POD_DELETE, pod.pod(), null, null);
            fail(fwk, q, s, null, -1);
        }
    }

    private void postFilter(Framework fwk, CycleState state, PodInfo pod, Diagnosis diagnosis) {
        if (fwk.postFilters.length == 0 || diagnosis.numAllNodes() == 0) {
            return;
        }
        PostFilterResult r = fwk.runPostFilter(state, pod, diagnosis);
        if (r.status().isSuccess() && r.nominatedNodeName() != null) {
            services.nominator().nominate(pod, r.nominatedNodeName());
        } else if (!r.status().message().isEmpty()) {
            diagnosis.recordPostFilter(r.status().message());
        }
    }

    /** Requeues a pod that failed, explains why on the pod (condition) and in a FailedScheduling event. */
    private void fail(Framework fwk, QueuedPod q, Status status, Diagnosis diagnosis, long start) {
        boolean error = diagnosis == null && !status.isRejected();
        String message;
        Set<String> rejectors;
        if (diagnosis != null) {
            message = FailureMessage.of(diagnosis);
            rejectors = diagnosis.unschedulablePlugins();
        } else {
            message = status.message().isEmpty() ? status.code().toString() : status.message();
            rejectors = error || status.plugin() == null ? Set.of() : Set.of(status.plugin());
        }
        queue.requeue(q, rejectors, error);
        queue.done(q);
        if (start >= 0) {
            long took = services.clock().nanoTime() - start;
            if (error) {
                metrics.error(took);
            } else {
                metrics.unschedulable(took);
            }
        }
        Pod pod = q.podInfo.pod();
        fwk.handle().recordEvent(pod, "Warning", "FailedScheduling", message);
        String reason = error ? "SchedulerError" : PodCondition.REASON_UNSCHEDULABLE;
        if (services.api() != null) {
            services.executor().execute(() -> markUnschedulable(pod, reason, message));
        }
    }

    private void markUnschedulable(Pod pod, String reason, String message) {
        try {
            services.api().updateStatus(Pod.TYPE, PodInfo.namespaceOf(pod), pod.metadata().name(), p -> {
                PodStatus st = p.status() == null ? PodStatus.of(PodStatus.PENDING) : p.status();
                PodCondition old = st.condition(PodCondition.POD_SCHEDULED).orElse(null);
                if (p.nodeName() != null || (old != null && PodCondition.FALSE.equals(old.status())
                        && Objects.equals(old.reason(), reason) && Objects.equals(old.message(), message))) {
                    return p;
                }
                return p.withStatus(st.withCondition(new PodCondition(PodCondition.POD_SCHEDULED, PodCondition.FALSE,
                        null, services.clock().now(), reason, message)));
            });
        } catch (StoreException.NotFound gone) {
            // deleted meanwhile: nothing to explain
        } catch (RuntimeException ignored) {
            // best effort, like Kubernetes' status patch; the event carries the same message
        }
    }
}
