package io.flotilla.core.startup;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.core.Cluster;
import io.flotilla.core.controllers.deployment.DeploymentRollout;
import io.flotilla.core.controllers.deployment.RolloutStatus;
import io.flotilla.core.diagnostics.PodStatuses;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/*
 * Design notes: one check per poll and object reads the stored object (not the applied copy) and, for workloads, the
 * pods its selector matches. A pod failure (PodStatuses.failure) fails the workload even while the controller would
 * keep retrying: a start-up plan is for tests, where waiting out a crash loop only hides the log that says why.
 */

/** Whether an applied object of a {@link StartupPlan} is ready, still waiting (and for what), or cannot start. */
final class Readiness {
    /** Kinds that have a readiness of their own; everything else is ready once applied. */
    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "Pod");

    /** The outcome of one check: ready, failed (with why and the pods to show), or waiting for {@code waiting}. */
    record Check(boolean ready, String failure, String waiting, List<Pod> pods) {
        static Check done() {
            return new Check(true, null, null, List.of());
        }

        static Check waiting(String why, List<Pod> pods) {
            return new Check(false, null, why, pods);
        }

        static Check failed(String why, List<Pod> pods) {
            return new Check(false, why, null, pods);
        }
    }

    private final Cluster cluster;
    private final int toleratedRestarts;

    Readiness(Cluster cluster, int toleratedRestarts) {
        this.cluster = cluster;
        this.toleratedRestarts = toleratedRestarts;
    }

    Check check(String kind, String namespace, String name) {
        return switch (kind) {
            case "Deployment" -> deployment(namespace, name);
            case "StatefulSet" -> statefulSet(namespace, name);
            case "DaemonSet" -> daemonSet(namespace, name);
            case "Job" -> job(namespace, name);
            case "Pod" -> pod(namespace, name);
            default -> Check.done();
        };
    }

    private Check deployment(String namespace, String name) {
        Optional<Deployment> d = cluster.client().deployments().inNamespace(namespace).get(name);
        if (d.isEmpty()) {
            return Check.waiting("the Deployment does not exist", List.of());
        }
        RolloutStatus rollout = DeploymentRollout.of(cluster.client(), cluster.clock(), namespace, name).status();
        List<Pod> pods = pods(namespace, d.get().spec().selector());
        if (rollout.complete()) {
            return Check.done();
        }
        if (rollout.failed()) {
            return Check.failed(rollout.message(), pods);
        }
        return podFailure(pods).orElse(Check.waiting(rollout.message(), pods));
    }

    private Check statefulSet(String namespace, String name) {
        Optional<StatefulSet> found = cluster.client().statefulSets().inNamespace(namespace).get(name);
        if (found.isEmpty()) {
            return Check.waiting("the StatefulSet does not exist", List.of());
        }
        StatefulSet ss = found.get();
        List<Pod> pods = pods(namespace, ss.spec().selector());
        int replicas = ss.spec().replicas() == null ? 1 : ss.spec().replicas();
        int ready = ss.status() == null || ss.status().readyReplicas() == null ? 0 : ss.status().readyReplicas();
        if (observed(ss.metadata(), ss.status() == null ? null : ss.status().observedGeneration())
                && ready >= replicas) {
            return Check.done();
        }
        return podFailure(pods).orElse(Check.waiting(ready + " of " + replicas + " replicas ready", pods));
    }

    private Check daemonSet(String namespace, String name) {
        Optional<DaemonSet> found = cluster.client().daemonSets().inNamespace(namespace).get(name);
        if (found.isEmpty()) {
            return Check.waiting("the DaemonSet does not exist", List.of());
        }
        DaemonSet ds = found.get();
        List<Pod> pods = pods(namespace, ds.spec().selector());
        var s = ds.status();
        if (s != null && observed(ds.metadata(), s.observedGeneration())
                && value(s.numberReady()) >= value(s.desiredNumberScheduled())) {
            return Check.done();
        }
        String waiting = s == null ? "no status yet"
                : value(s.numberReady()) + " of " + value(s.desiredNumberScheduled()) + " scheduled pods ready";
        return podFailure(pods).orElse(Check.waiting(waiting, pods));
    }

    private Check job(String namespace, String name) {
        Optional<Job> found = cluster.client().jobs().inNamespace(namespace).get(name);
        if (found.isEmpty()) {
            return Check.waiting("the Job does not exist", List.of());
        }
        Job job = found.get();
        LabelSelector selector = job.spec().selector() != null ? job.spec().selector()
                : LabelSelector.of(job.spec().template().metadata().labels());
        List<Pod> pods = pods(namespace, selector);
        var s = job.status();
        if (s != null && s.condition(JobCondition.COMPLETE).map(JobCondition::isTrue).orElse(false)) {
            return Check.done();
        }
        Optional<JobCondition> failed = s == null ? Optional.empty()
                : s.condition(JobCondition.FAILED).filter(JobCondition::isTrue);
        if (failed.isPresent()) {
            return Check.failed("Job failed: " + failed.get().reason() + (failed.get().message() == null ? ""
                    : " (" + failed.get().message() + ")"), pods);
        }
        long failedPods = pods.stream().filter(p -> PodStatus.FAILED.equals(p.phase())).count();
        if (failedPods > toleratedRestarts) {
            return podFailure(pods).orElse(Check.failed(failedPods + " pods of the Job failed", pods));
        }
        return podFailure(pods.stream().filter(p -> !PodStatus.FAILED.equals(p.phase())).toList())
                .orElse(Check.waiting((s == null ? 0 : value(s.succeeded())) + " completions so far", pods));
    }

    private Check pod(String namespace, String name) {
        Optional<Pod> found = cluster.client().pods().inNamespace(namespace).get(name);
        if (found.isEmpty()) {
            return Check.waiting("the Pod does not exist", List.of());
        }
        Pod pod = found.get();
        if (pod.isReady() || PodStatus.SUCCEEDED.equals(pod.phase())) {
            return Check.done();
        }
        return podFailure(List.of(pod)).orElse(Check.waiting("pod is " + PodStatuses.status(pod), List.of(pod)));
    }

    private Optional<Check> podFailure(List<Pod> pods) {
        for (Pod p : pods) {
            if (p.metadata().isDeleting()) {
                continue;
            }
            Optional<String> failure = PodStatuses.failure(p, toleratedRestarts);
            if (failure.isPresent()) {
                return Optional.of(Check.failed("pod " + p.metadata().name() + ": " + failure.get(), pods));
            }
        }
        return Optional.empty();
    }

    private List<Pod> pods(String namespace, LabelSelector selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        return cluster.client().pods().inNamespace(namespace).list(selector);
    }

    private static boolean observed(ObjectMeta meta, Long observedGeneration) {
        long generation = meta.generation() == null ? 0 : meta.generation();
        return observedGeneration != null && observedGeneration >= generation;
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }

    /** Whether {@code resource}'s kind has a readiness of its own. */
    static boolean isWorkload(Resource resource) {
        return WORKLOADS.contains(resource.kind());
    }
}
