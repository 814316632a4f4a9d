package io.flotilla.core.controllers.hpa;

import io.flotilla.api.autoscaling.ContainerResourceMetricStatus;
import io.flotilla.api.autoscaling.MetricSpec;
import io.flotilla.api.autoscaling.MetricStatus;
import io.flotilla.api.autoscaling.MetricTarget;
import io.flotilla.api.autoscaling.MetricValueStatus;
import io.flotilla.api.autoscaling.ResourceMetricSource;
import io.flotilla.api.autoscaling.ResourceMetricStatus;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replica count every metric of an autoscaler asks for, as Kubernetes' {@code computeReplicasForMetrics}: the
 * highest proposal wins; if every metric fails, or some fail and the others would scale down, there is no answer
 * and {@code ScalingActive} says why. Stateless apart from the source it reads.
 */
final class MetricReplicas {
    /** The metric an autoscaler without metrics gets, as Kubernetes' defaulting: 80% average cpu utilization. */
    static final MetricSpec DEFAULT_METRIC = MetricSpec.resource(ResourceMetricSource.CPU,
            MetricTarget.utilization(80));

    private final PodMetricsSource source;

    MetricReplicas(PodMetricsSource source) {
        this.source = source;
    }

    /**
     * What the metrics ask for.
     *
     * @param replicas the proposal, -1 if there is none
     * @param metric   the name of the metric that decided
     * @param statuses the metrics' current values
     * @param error    the first metric error, or {@code null}
     */
    record Answer(int replicas, String metric, List<MetricStatus> statuses, String error) {
    }

    Answer compute(List<MetricSpec> specs, String namespace, LabelSelector selector, int current, List<Pod> pods,
                   Instant now, HpaConditions conditions) {
        List<MetricSpec> metrics = specs.isEmpty() ? List.of(DEFAULT_METRIC) : specs;
        List<MetricStatus> statuses = new ArrayList<>();
        int replicas = 0;
        String metric = "";
        int invalid = 0;
        String firstError = null;
        String firstReason = null;
        for (MetricSpec spec : metrics) {
            Source s = Source.of(spec);
            try {
                ReplicaCalculator.Proposal p = propose(s, namespace, selector, current, pods, now);
                statuses.add(s.status(p));
                if (replicas == 0 || p.replicas() > replicas) {
                    replicas = p.replicas();
                    metric = s.describe();
                }
            } catch (ReplicaCalculator.MetricError e) {
                if (invalid++ == 0) {
                    firstError = "failed to get " + s.name() + " " + s.what() + ": " + e.getMessage();
                    firstReason = s.failureReason();
                }
            }
        }
        if (invalid >= metrics.size() || (invalid > 0 && replicas < current)) {
            conditions.set(HpaConditions.SCALING_ACTIVE, false, firstReason,
                    "the HPA was unable to compute the replica count: " + firstError);
            return new Answer(-1, "", statuses, "invalid metrics (" + invalid + " invalid out of " + metrics.size()
                    + "), first error is: " + firstError);
        }
        conditions.set(HpaConditions.SCALING_ACTIVE, true, "ValidMetricFound",
                "the HPA was able to successfully calculate a replica count from " + metric);
        return new Answer(replicas, metric, statuses, firstError);
    }

    private ReplicaCalculator.Proposal propose(Source s, String namespace, LabelSelector selector, int current,
                                               List<Pod> pods, Instant now) throws ReplicaCalculator.MetricError {
        if (s.target() == null) {
            throw new ReplicaCalculator.MetricError("no target set");
        }
        Map<String, PodMetricsSource.PodMetric> samples;
        try {
            samples = source.podUsage(namespace, selector, s.name(), s.container());
        } catch (PodMetricsSource.Unavailable e) {
            throw new ReplicaCalculator.MetricError("unable to get metrics for resource " + s.name() + ": "
                    + e.getMessage());
        }
        MetricTarget target = s.target();
        if (target.averageValue() != null) {
            return ReplicaCalculator.averageValue(current, target.averageValue().milliValue(), s.name(), pods,
                    samples, now);
        }
        if (target.averageUtilization() != null) {
            return ReplicaCalculator.utilization(current, target.averageUtilization(), s.name(), s.container(),
                    pods, samples, now);
        }
        throw new ReplicaCalculator.MetricError("invalid resource metric source: neither a utilization target nor"
                + " a value target was set");
    }

    /** A resource or container-resource metric, read uniformly. */
    private record Source(String type, String name, MetricTarget target, String container) {
        static Source of(MetricSpec spec) {
            if (MetricSpec.CONTAINER_RESOURCE.equals(spec.type()) && spec.containerResource() != null) {
                return new Source(spec.type(), spec.containerResource().name(), spec.containerResource().target(),
                        spec.containerResource().container());
            }
            if (spec.resource() != null) {
                return new Source(MetricSpec.RESOURCE, spec.resource().name(), spec.resource().target(), null);
            }
            return new Source(spec.type(), "", null, null);
        }

        boolean utilization() {
            return target != null && target.averageValue() == null;
        }

        String what() {
            return utilization() ? "utilization" : "usage";
        }

        String describe() {
            String kind = container == null ? " resource" : " container resource";
            return name + kind + (utilization() ? " utilization (percentage of request)" : "");
        }

        String failureReason() {
            return container == null ? "FailedGetResourceMetric" : "FailedGetContainerResourceMetric";
        }

        MetricStatus status(ReplicaCalculator.Proposal p) {
            MetricValueStatus value = new MetricValueStatus(null, Quantity.milli(p.usage()),
                    utilization() ? p.utilization() : null);
            return container == null
                    ? new MetricStatus(MetricSpec.RESOURCE, new ResourceMetricStatus(name, value), null)
                    : new MetricStatus(MetricSpec.CONTAINER_RESOURCE, null,
                            new ContainerResourceMetricStatus(name, value, container));
        }
    }
}
