package io.flotilla.core.diagnostics;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.DaemonSetStatus;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobStatus;
import io.flotilla.api.meta.ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The workload part of a {@link ClusterReport}: one {@code kubectl get}-style table per kind that has objects. */
final class WorkloadTables {
    private final Instant now;
    private final boolean allNamespaces;

    WorkloadTables(Instant now, boolean allNamespaces) {
        this.now = now;
        this.allNamespaces = allNamespaces;
    }

    String render(List<Deployment> deployments, List<StatefulSet> statefulSets, List<DaemonSet> daemonSets,
                  List<Job> jobs) {
        List<String> tables = new ArrayList<>();
        if (!deployments.isEmpty()) {
            TextTable t = table("READY", "UP-TO-DATE", "AVAILABLE", "AGE");
            for (Deployment d : deployments) {
                DeploymentStatus s = d.status();
                int replicas = d.spec().replicas() == null ? 1 : d.spec().replicas();
                add(t, "deployment.apps/", d.metadata(), (s == null ? 0 : n(s.readyReplicas())) + "/" + replicas,
                        s == null ? 0 : n(s.updatedReplicas()), s == null ? 0 : n(s.availableReplicas()));
            }
            tables.add(t.render());
        }
        if (!statefulSets.isEmpty()) {
            TextTable t = table("READY", "AGE");
            for (StatefulSet ss : statefulSets) {
                StatefulSetStatus s = ss.status();
                int replicas = ss.spec().replicas() == null ? 1 : ss.spec().replicas();
                add(t, "statefulset.apps/", ss.metadata(), (s == null ? 0 : n(s.readyReplicas())) + "/" + replicas);
            }
            tables.add(t.render());
        }
        if (!daemonSets.isEmpty()) {
            TextTable t = table("DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
            for (DaemonSet ds : daemonSets) {
                DaemonSetStatus s = ds.status();
                add(t, "daemonset.apps/", ds.metadata(), s == null ? 0 : n(s.desiredNumberScheduled()),
                        s == null ? 0 : n(s.currentNumberScheduled()), s == null ? 0 : n(s.numberReady()),
                        s == null ? 0 : n(s.updatedNumberScheduled()), s == null ? 0 : n(s.numberAvailable()));
            }
            tables.add(t.render());
        }
        if (!jobs.isEmpty()) {
            TextTable t = table("STATUS", "COMPLETIONS", "DURATION", "AGE");
            for (Job job : jobs) {
                add(t, "job.batch/", job.metadata(), jobStatus(job.status()), completions(job), duration(job.status()));
            }
            tables.add(t.render());
        }
        return String.join("\n", tables);
    }

    private TextTable table(String... columns) {
        List<String> headers = new ArrayList<>();
        if (allNamespaces) {
            headers.add("NAMESPACE");
        }
        headers.add("NAME");
        headers.addAll(List.of(columns));
        return new TextTable(headers.toArray(String[]::new));
    }

    private void add(TextTable t, String prefix, ObjectMeta meta, Object... cells) {
        List<Object> row = new ArrayList<>();
        if (allNamespaces) {
            row.add(meta.namespace());
        }
        row.add(prefix + meta.name());
        row.addAll(List.of(cells));
        row.add(Ages.since(meta.creationTimestamp(), now));
        t.row(row.toArray());
    }

    private static String jobStatus(JobStatus s) {
        if (s == null) {
            return "Pending";
        }
        if (s.condition(JobCondition.COMPLETE).map(JobCondition::isTrue).orElse(false)) {
            return "Complete";
        }
        if (s.condition(JobCondition.FAILED).map(JobCondition::isTrue).orElse(false)) {
            return "Failed";
        }
        if (s.condition(JobCondition.SUSPENDED).map(JobCondition::isTrue).orElse(false)) {
            return "Suspended";
        }
        return "Running";
    }

    private static String completions(Job job) {
        int succeeded = job.status() == null ? 0 : n(job.status().succeeded());
        Integer completions = job.spec().completions();
        return succeeded + "/" + (completions == null ? 1 : completions);
    }

    private String duration(JobStatus s) {
        if (s == null || s.startTime() == null) {
            return "";
        }
        Instant end = s.completionTime() != null ? s.completionTime() : now;
        return Ages.human(Duration.between(s.startTime(), end));
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }
}
