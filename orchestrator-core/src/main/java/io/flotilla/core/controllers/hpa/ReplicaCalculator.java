package io.flotilla.core.controllers.hpa;

import io.flotilla.api.core.Container;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.autoscaling.ResourceMetricSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * Design notes: Kubernetes' ReplicaCalculator (GetResourceReplicas, GetRawResourceReplicas), including its
 * conservative rules. Pods being deleted or failed are ignored; pending and unready pods do not count, and neither
 * do cpu samples taken while a pod was still starting. If nothing is missing the answer is
 * ceil(ratio × ready pods) unless the ratio is within the tolerance. Otherwise the ratio is recomputed assuming the
 * missing pods use 100% of their request (or exactly the target) on a scale-down and 0% on a scale-up, and unready
 * pods 0% on a scale-up; if that recomputation flips the direction or lands within the tolerance, nothing changes.
 */
final class ReplicaCalculator {
    /** Kubernetes' {@code --horizontal-pod-autoscaler-tolerance}. */
    static final double TOLERANCE = 0.1;
    /** Kubernetes' {@code --horizontal-pod-autoscaler-cpu-initialization-period}. */
    static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    /** Kubernetes' {@code --horizontal-pod-autoscaler-initial-readiness-delay}. */
    static final Duration INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

    private ReplicaCalculator() {
    }

    /** A replica count proposed for one metric, with the usage it saw (milli-units, per pod; utilization %). */
    record Proposal(int replicas, long usage, int utilization) {
    }

    /** Why a metric gave no answer; the message is the user's. */
    static final class MetricError extends Exception {
        private static final long serialVersionUID = 1L;

        MetricError(String message) {
            super(message);
        }
    }

    /** {@code GetResourceReplicas}: the count that brings the average utilization to {@code target} percent. */
    static Proposal utilization(int current, int target, String resource, String container, List<Pod> pods,
                                Map<String, PodMetricsSource.PodMetric> samples, Instant now) throws MetricError {
        if (pods.isEmpty()) {
            throw new MetricError("no pods returned by selector while calculating replica count");
        }
        Map<String, Long> metrics = values(samples);
        Groups groups = group(pods, samples, resource, now);
        groups.ignored.forEach(metrics::remove);
        groups.unready.forEach(metrics::remove);
        if (metrics.isEmpty()) {
            throw new MetricError("did not receive metrics for targeted pods (pods might be unready)");
        }
        Map<String, Long> requests = requests(pods, resource, container);
        Ratio first = utilizationRatio(metrics, requests, target);
        boolean scaleUpWithUnready = !groups.unready.isEmpty() && first.ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing.isEmpty()) {
            if (within(first.ratio)) {
                return new Proposal(current, first.raw, first.utilization);
            }
            return new Proposal((int) Math.ceil(first.ratio * groups.ready), first.raw, first.utilization);
        }
        if (!groups.missing.isEmpty()) {
            long fallback = Math.max(100, target);
            for (String name : groups.missing) {
                long request = requests.getOrDefault(name, 0L);
                metrics.put(name, first.ratio < 1.0 ? request * fallback / 100 : 0L);
            }
        }
        if (scaleUpWithUnready) {
            groups.unready.forEach(name -> metrics.put(name, 0L));
        }
        Ratio second = utilizationRatio(metrics, requests, target);
        return conservative(current, first.ratio, second.ratio, metrics.size(), first.raw, first.utilization);
    }

    /** {@code GetRawResourceReplicas}: the count that brings the average usage to {@code targetMilli}. */
    static Proposal averageValue(int current, long targetMilli, String resource, List<Pod> pods,
                                 Map<String, PodMetricsSource.PodMetric> samples, Instant now) throws MetricError {
        if (pods.isEmpty()) {
            throw new MetricError("no pods returned by selector while calculating replica count");
        }
        Map<String, Long> metrics = values(samples);
        Groups groups = group(pods, samples, resource, now);
        groups.ignored.forEach(metrics::remove);
        groups.unready.forEach(metrics::remove);
        if (metrics.isEmpty()) {
            throw new MetricError("did not receive metrics for targeted pods (pods might be unready)");
        }
        long usage = average(metrics);
        double ratio = (double) usage / targetMilli;
        boolean scaleUpWithUnready = !groups.unready.isEmpty() && ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing.isEmpty()) {
            if (within(ratio)) {
                return new Proposal(current, usage, -1);
            }
            return new Proposal((int) Math.ceil(ratio * groups.ready), usage, -1);
        }
        for (String name : groups.missing) {
            metrics.put(name, ratio < 1.0 ? targetMilli : 0L);
        }
        if (scaleUpWithUnready) {
            groups.unready.forEach(name -> metrics.put(name, 0L));
        }
        double second = (double) average(metrics) / targetMilli;
        return conservative(current, ratio, second, metrics.size(), usage, -1);
    }

    /** The recomputed answer, unless it is within the tolerance or points the other way. */
    private static Proposal conservative(int current, double first, double second, int counted, long usage,
                                         int utilization) {
        if (within(second) || (first < 1.0 && second > 1.0) || (first > 1.0 && second < 1.0)) {
            return new Proposal(current, usage, utilization);
        }
        int replicas = (int) Math.ceil(second * counted);
        if ((second < 1.0 && replicas > current) || (second > 1.0 && replicas < current)) {
            return new Proposal(current, usage, utilization);
        }
        return new Proposal(replicas, usage, utilization);
    }

    static boolean within(double ratio) {
        return Math.abs(1.0 - ratio) <= TOLERANCE;
    }

    private record Ratio(double ratio, int utilization, long raw) {
    }

    /** {@code GetResourceUtilizationRatio}: usage over requests of the pods that have both. */
    private static Ratio utilizationRatio(Map<String, Long> metrics, Map<String, Long> requests, int target)
            throws MetricError {
        long metricsTotal = 0;
        long requestsTotal = 0;
        int entries = 0;
        for (Map.Entry<String, Long> e : metrics.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request == null) {
                continue;
            }
            metricsTotal += e.getValue();
            requestsTotal += request;
            entries++;
        }
        if (requestsTotal == 0) {
            throw new MetricError("no metrics returned matched known pods");
        }
        int utilization = (int) (metricsTotal * 100 / requestsTotal);
        return new Ratio((double) utilization / target, utilization, metricsTotal / entries);
    }

    /** Per pod, the sum of the containers' requests of {@code resource} in milli-units. */
    private static Map<String, Long> requests(List<Pod> pods, String resource, String container)
            throws MetricError {
        Map<String, Long> out = new HashMap<>();
        for (Pod pod : pods) {
            long sum = 0;
            for (Container c : pod.spec().containers()) {
                if (container != null && !container.equals(c.name())) {
                    continue;
                }
                Quantity request = c.effectiveResources().requests().get(resource);
                if (request == null) {
                    throw new MetricError("missing request for " + resource + " in container " + c.name()
                            + " of Pod " + pod.metadata().name());
                }
                sum += request.milliValue();
            }
            out.put(pod.metadata().name(), sum);
        }
        return out;
    }

    private static final class Groups {
        int ready;
        final Set<String> unready = new HashSet<>();
        final Set<String> missing = new HashSet<>();
        final Set<String> ignored = new HashSet<>();
    }

    /** Kubernetes' {@code groupPods}. */
    private static Groups group(List<Pod> pods, Map<String, PodMetricsSource.PodMetric> samples, String resource,
                                Instant now) {
        Groups g = new Groups();
        for (Pod pod : pods) {
            String name = pod.metadata().name();
            if (pod.metadata().isDeleting() || PodStatus.FAILED.equals(pod.phase())) {
                g.ignored.add(name);
                continue;
            }
            if (pod.status() == null || PodStatus.PENDING.equals(pod.phase())) {
                g.unready.add(name);
                continue;
            }
            PodMetricsSource.PodMetric sample = samples.get(name);
            if (sample == null) {
                g.missing.add(name);
                continue;
            }
            if (ResourceMetricSource.CPU.equals(resource) && cpuUnready(pod, sample, now)) {
                g.unready.add(name);
                continue;
            }
            g.ready++;
        }
        return g;
    }

    /** Whether a cpu sample must not count: the pod is unready, or was sampled while it started. */
    private static boolean cpuUnready(Pod pod, PodMetricsSource.PodMetric sample, Instant now) {
        PodCondition ready = pod.status().condition(PodCondition.READY).orElse(null);
        Instant start = pod.status().startTime();
        if (ready == null || start == null) {
            return true;
        }
        boolean notReady = PodCondition.FALSE.equals(ready.status());
        Instant transition = ready.lastTransitionTime() == null ? Instant.EPOCH : ready.lastTransitionTime();
        if (start.plus(CPU_INITIALIZATION_PERIOD).isAfter(now)) {
            return notReady || sample.timestamp().isBefore(transition.plus(sample.window()));
        }
        return notReady && start.plus(INITIAL_READINESS_DELAY).isAfter(transition);
    }

    private static Map<String, Long> values(Map<String, PodMetricsSource.PodMetric> samples) {
        Map<String, Long> out = new HashMap<>();
        samples.forEach((name, m) -> out.put(name, m.milliValue()));
        return out;
    }

    private static long average(Map<String, Long> metrics) {
        long total = 0;
        for (long v : metrics.values()) {
            total += v;
        }
        return total / metrics.size();
    }
}
