package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.HorizontalPodAutoscaler;
import io.flotilla.api.autoscaling.HorizontalPodAutoscalerBehavior;
import io.flotilla.api.autoscaling.HorizontalPodAutoscalerSpec;
import io.flotilla.api.autoscaling.HorizontalPodAutoscalerStatus;
import io.flotilla.api.autoscaling.MetricStatus;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design notes: Kubernetes' reconcileAutoscaler. An autoscaler is evaluated at most once per sync period (15 s on the
 * clock, as the Kubernetes controller's fixed-interval queue), so its own status writes and other events do not
 * re-run it early; a spec change (new generation) runs it at once. The memory of recommendations and scale events
 * lives here per autoscaler and is dropped with it. The target's size is written through the client: for a
 * Deployment, apply()'s merge keeps it when a later user apply does not set replicas.
 */
final class HpaReconciler implements Reconciler {
    /** Kubernetes' {@code --horizontal-pod-autoscaler-sync-period}. */
    static final Duration SYNC_PERIOD = Duration.ofSeconds(15);

    private final Client client;
    private final Lister<HorizontalPodAutoscaler> autoscalers;
    private final Lister<Pod> pods;
    private final MetricReplicas metrics;
    private final Clock clock;
    private final EventRecorder recorder;
    private final Map<String, Memory> memory = new ConcurrentHashMap<>();

    HpaReconciler(Client client, SharedInformerFactory informers, PodMetricsSource source, Clock clock,
                  EventRecorder recorder) {
        this.client = client;
        this.autoscalers = informers.lister(HorizontalPodAutoscaler.TYPE);
        this.pods = informers.lister(Pod.TYPE);
        this.metrics = new MetricReplicas(source);
        this.clock = clock;
        this.recorder = recorder;
    }

    /** What is remembered of one autoscaler between syncs. */
    private static final class Memory {
        final Recommendations recommendations = new Recommendations();
        Instant lastSync;
        Long generation;
    }

    @Override
    public Result reconcile(Request request) {
        String key = request.toString();
        Optional<HorizontalPodAutoscaler> found = autoscalers.get(request.namespace(), request.name());
        if (found.isEmpty() || found.get().spec() == null || found.get().spec().scaleTargetRef() == null) {
            memory.remove(key);
            return Result.done();
        }
        HorizontalPodAutoscaler hpa = found.get();
        Memory m = memory.computeIfAbsent(key, k -> new Memory());
        Instant now = clock.now();
        if (m.lastSync != null && Objects.equals(m.generation, hpa.metadata().generation())
                && now.isBefore(m.lastSync.plus(SYNC_PERIOD))) {
            return Result.requeueAfter(Duration.between(now, m.lastSync.plus(SYNC_PERIOD)));
        }
        m.lastSync = now;
        m.generation = hpa.metadata().generation();
        autoscale(hpa, m.recommendations, now);
        return Result.requeueAfter(SYNC_PERIOD);
    }

    private void autoscale(HorizontalPodAutoscaler hpa, Recommendations recs, Instant now) {
        String namespace = hpa.metadata().namespace();
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        HorizontalPodAutoscalerStatus old = hpa.status();
        HpaConditions conditions = new HpaConditions(old == null ? List.of() : old.conditions(), now);
        ScaleTarget.Scale scale;
        try {
            scale = ScaleTarget.get(client, namespace, spec.scaleTargetRef());
        } catch (ScaleTarget.ScaleError e) {
            conditions.set(HpaConditions.ABLE_TO_SCALE, false, "FailedGetScale",
                    "the HPA controller was unable to get the target's current scale: " + e.getMessage());
            recorder.warning(hpa, "FailedGetScale", "%s", e.getMessage());
            writeStatus(hpa, null, null, null, conditions);
            return;
        }
        conditions.set(HpaConditions.ABLE_TO_SCALE, true, "SucceededGetScale",
                "the HPA controller was able to get the target's current scale");
        int current = scale.replicas();
        recs.recordInitial(current, now);
        Decision decision = decide(hpa, scale, recs, conditions, now);
        if (decision.error() != null) {
            recorder.warning(hpa, "FailedComputeMetricsReplicas", "%s", decision.error());
            writeStatus(hpa, current, null, decision.statuses(), conditions);
            return;
        }
        int desired = decision.replicas();
        if (desired != current && !rescale(hpa, current, decision, recs, conditions, now)) {
            return;
        }
        HorizontalPodAutoscalerStatus next = new HorizontalPodAutoscalerStatus(hpa.metadata().generation(),
                desired != current ? now : old == null ? null : old.lastScaleTime(), current, desired,
                decision.statuses(), conditions.list());
        write(hpa, next);
    }

    /** Writes the decision to the target; on failure records why and returns {@code false}. */
    private boolean rescale(HorizontalPodAutoscaler hpa, int current, Decision decision, Recommendations recs,
                            HpaConditions conditions, Instant now) {
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        int desired = decision.replicas();
        try {
            ScaleTarget.update(client, hpa.metadata().namespace(), spec.scaleTargetRef(), desired);
        } catch (ScaleTarget.ScaleError | RuntimeException e) {
            conditions.set(HpaConditions.ABLE_TO_SCALE, false, "FailedUpdateScale",
                    "the HPA controller was unable to update the target scale: " + e.getMessage());
            recorder.warning(hpa, "FailedRescale", "New size: %d; reason: %s; error: %s", desired,
                    decision.reason(), e.getMessage());
            writeStatus(hpa, current, null, decision.statuses(), conditions);
            return false;
        }
        conditions.set(HpaConditions.ABLE_TO_SCALE, true, "SucceededRescale",
                "the HPA controller was able to update the target scale to " + desired);
        recorder.normal(hpa, "SuccessfulRescale", "New size: %d; reason: %s", desired, decision.reason());
        recs.recordScale(behavior(spec), current, desired, now);
        return true;
    }

    /** What to scale to, and why. */
    private record Decision(int replicas, String reason, List<MetricStatus> statuses, String error) {
    }

    private Decision decide(HorizontalPodAutoscaler hpa, ScaleTarget.Scale scale, Recommendations recs,
                            HpaConditions conditions, Instant now) {
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        int current = scale.replicas();
        int min = spec.minReplicas() == null ? 1 : spec.minReplicas();
        int max = spec.maxReplicas() == null ? current : spec.maxReplicas();
        if (current == 0 && min != 0) {
            conditions.set(HpaConditions.SCALING_ACTIVE, false, "ScalingDisabled",
                    "scaling is disabled since the replica count of the target is zero");
            return new Decision(current, "", List.of(), null);
        }
        if (current > max) {
            return new Decision(max, "Current number of replicas above Spec.MaxReplicas", List.of(), null);
        }
        if (current < min) {
            return new Decision(min, "Current number of replicas below Spec.MinReplicas", List.of(), null);
        }
        List<Pod> targeted = pods.list(hpa.metadata().namespace(), scale.selector());
        MetricReplicas.Answer answer = metrics.compute(spec.metrics(), hpa.metadata().namespace(), scale.selector(),
                current, targeted, now, conditions);
        if (answer.replicas() == -1) {
            return new Decision(current, "", answer.statuses(), answer.error());
        }
        int proposed = Math.max(0, answer.replicas());
        String reason = proposed > current ? answer.metric() + " above target"
                : proposed < current ? "All metrics below target" : "";
        HorizontalPodAutoscalerBehavior behavior = behavior(spec);
        int desired = behavior == null
                ? Normalization.withoutBehavior(recs, current, proposed, min, max, now, conditions)
                : Normalization.withBehavior(recs, behavior, current, proposed, min, max, now, conditions);
        return new Decision(desired, reason, answer.statuses(), null);
    }

    private static HorizontalPodAutoscalerBehavior behavior(HorizontalPodAutoscalerSpec spec) {
        return spec.behavior() == null ? null : Behaviors.withDefaults(spec.behavior());
    }

    /** Keeps the old desired count and metrics where the new ones are unknown ({@code null}). */
    private void writeStatus(HorizontalPodAutoscaler hpa, Integer current, Integer desired,
                             List<MetricStatus> statuses, HpaConditions conditions) {
        HorizontalPodAutoscalerStatus old = hpa.status();
        write(hpa, new HorizontalPodAutoscalerStatus(hpa.metadata().generation(),
                old == null ? null : old.lastScaleTime(),
                current != null ? current : old == null ? null : old.currentReplicas(),
                desired != null ? desired : old == null ? null : old.desiredReplicas(),
                statuses != null ? statuses : old == null ? List.of() : old.currentMetrics(),
                conditions.list()));
    }

    private void write(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerStatus next) {
        if (next.equals(hpa.status())) {
            return;
        }
        client.horizontalPodAutoscalers().inNamespace(hpa.metadata().namespace())
                .updateStatus(hpa.metadata().name(), x -> x.withStatus(next));
    }
}
