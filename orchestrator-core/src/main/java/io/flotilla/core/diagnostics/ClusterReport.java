package io.flotilla.core.diagnostics;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.Cluster;
import io.flotilla.core.client.ResourceClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A readable picture of one namespace (or the whole cluster) for test failures and progress output:
 *
 * <pre>{@code
 * ClusterReport report = ClusterReport.of(cluster, "shop");
 * System.out.println(report.podTable());            // NAME  READY  STATUS  RESTARTS  AGE  NODE
 * System.out.println(report.recentEvents(20));
 * System.out.println(report.failingContainerLogs(30));
 * Files.writeString(dumpFile, report.fullDump());  // all of it, plus the objects as YAML (Secret values left out)
 * }</pre>
 *
 * <p>Each method reads the cluster when called, so one report may be rendered again later. Thread-safe. Reading
 * never fails because of one object or container: a log that cannot be read is shown as such. Secret values never
 * appear in any output.
 */
public final class ClusterReport {
    /** How many log lines {@link #fullDump()} shows per container. */
    public static final int DUMP_LOG_LINES = 100;

    private final Cluster cluster;
    private final String namespace;

    private ClusterReport(Cluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    /**
     * A report on {@code namespace} of {@code cluster}.
     *
     * @param namespace the namespace, or {@code null} for every namespace (tables then get a NAMESPACE column)
     * @throws NullPointerException if {@code cluster} is {@code null}
     */
    public static ClusterReport of(Cluster cluster, String namespace) {
        return new ClusterReport(Objects.requireNonNull(cluster, "cluster"), namespace);
    }

    /** The namespace reported on, or {@code null} for all. */
    public String namespace() {
        return namespace;
    }

    /**
     * The pods as {@code kubectl get pods -o wide} shows them: NAME, READY, STATUS (computed like kubectl, see
     * {@link PodStatuses#status}), RESTARTS, AGE and NODE, sorted by name; {@code No resources found.} when empty.
     */
    public String podTable() {
        return podTable(p -> true);
    }

    /** The pod table limited to the pods {@code which} accepts. */
    public String podTable(Predicate<Pod> which) {
        TextTable t = namespace == null
                ? new TextTable("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE")
                : new TextTable("NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE");
        Instant now = cluster.clock().now();
        for (Pod p : pods()) {
            if (!which.test(p)) {
                continue;
            }
            String age = Ages.since(p.metadata().creationTimestamp(), now);
            String node = p.nodeName() == null || p.nodeName().isEmpty() ? "<none>" : p.nodeName();
            if (namespace == null) {
                t.row(p.metadata().namespace(), p.metadata().name(), PodStatuses.ready(p), PodStatuses.status(p),
                        PodStatuses.restarts(p), age, node);
            } else {
                t.row(p.metadata().name(), PodStatuses.ready(p), PodStatuses.status(p), PodStatuses.restarts(p), age,
                        node);
            }
        }
        return t.isEmpty() ? noResources() : t.render();
    }

    /**
     * The Deployments (READY, UP-TO-DATE, AVAILABLE), StatefulSets (READY), DaemonSets and Jobs (STATUS,
     * COMPLETIONS, DURATION), one table per kind as {@code kubectl get deploy,sts,ds,jobs} prints them.
     */
    public String workloadTable() {
        String tables = new WorkloadTables(cluster.clock().now(), namespace == null).render(
                list(Deployment.TYPE), list(StatefulSet.TYPE), list(DaemonSet.TYPE), list(Job.TYPE));
        return tables.isEmpty() ? noResources() : tables;
    }

    /**
     * The {@code max} most recent events, oldest first, as {@code kubectl get events --sort-by=lastTimestamp}:
     * LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public String recentEvents(int max) {
        return recentEvents(max, e -> true);
    }

    /** The {@code max} most recent events that {@code which} accepts; see {@link #recentEvents(int)}. */
    public String recentEvents(int max, Predicate<Event> which) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        List<Event> events = list(Event.TYPE).stream().filter(which)
                .sorted(Comparator.comparing(ClusterReport::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        events = events.subList(Math.max(0, events.size() - max), events.size());
        TextTable t = namespace == null
                ? new TextTable("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")
                : new TextTable("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
        Instant now = cluster.clock().now();
        for (Event e : events) {
            String object = e.involvedObject() == null ? "<none>"
                    : e.involvedObject().kind().toLowerCase(Locale.ROOT) + "/" + e.involvedObject().name();
            String type = e.isWarning() ? Event.WARNING : Event.NORMAL;
            String message = e.message() == null ? "" : e.message().replace('\n', ' ');
            if (namespace == null) {
                t.row(e.metadata().namespace(), Ages.since(lastSeen(e), now), type, e.reason(), object, message);
            } else {
                t.row(Ages.since(lastSeen(e), now), type, e.reason(), object, message);
            }
        }
        return t.isEmpty() ? "No events found.\n" : t.render();
    }

    /**
     * The last {@code lines} log lines of every failing or restarted container (see {@link PodStatuses#isFailing}; for a restarted one the previous
     * attempt's too), each under a
     * {@code ==> namespace/pod/container <==} header with its state; a container without logs (its image never
     * pulled, say) shows why it is waiting instead.
     *
     * @throws IllegalArgumentException if {@code lines} is not positive
     */
    public String failingContainerLogs(int lines) {
        return containerLogs(pods(), PodStatuses::isFailing, lines);
    }

    /** The last {@code lines} log lines of the failing containers of {@code pods}; see {@link #failingContainerLogs}. */
    public String failingContainerLogs(List<Pod> pods, int lines) {
        return containerLogs(pods, PodStatuses::isFailing, lines);
    }

    /**
     * Everything: the workload and pod tables, all events, the last {@value #DUMP_LOG_LINES} log lines of every
     * container, and every object of the namespace (of the cluster when the namespace is {@code null}) as YAML, with
     * the values of Secrets replaced by {@code <redacted>}.
     */
    public String fullDump() {
        StringBuilder out = new StringBuilder();
        out.append("# Flotilla cluster ").append(cluster.id()).append(", namespace ")
                .append(namespace == null ? "<all>" : namespace).append(", at ").append(cluster.clock().now())
                .append("\n\n## Workloads\n").append(workloadTable())
                .append("\n## Pods\n").append(podTable())
                .append("\n## Events\n").append(recentEvents(Integer.MAX_VALUE))
                .append("\n## Container logs (last ").append(DUMP_LOG_LINES).append(" lines)\n")
                .append(containerLogs(pods(), (p, c) -> true, DUMP_LOG_LINES))
                .append("\n## Objects\n").append(ObjectDump.yaml(cluster, namespace));
        return out.toString();
    }

    private String containerLogs(List<Pod> pods, BiPredicate<Pod, ContainerStatus> which,
                                 int lines) {
        if (lines <= 0) {
            throw new IllegalArgumentException("lines must be positive: " + lines);
        }
        StringBuilder out = new StringBuilder();
        for (Pod p : pods) {
            if (p.status() == null) {
                continue;
            }
            List<ContainerStatus> all = new ArrayList<>(p.status().initContainerStatuses());
            all.addAll(p.status().containerStatuses());
            for (ContainerStatus c : all) {
                if (which.test(p, c)) {
                    out.append("==> ").append(p.metadata().namespace()).append('/').append(p.metadata().name())
                            .append('/').append(c.name()).append(" (").append(PodStatuses.describe(c))
                            .append(") <==\n").append(ContainerLogs.read(cluster, p, c, lines));
                }
            }
        }
        return out.isEmpty() ? "No failing containers.\n" : out.toString();
    }

    private List<Pod> pods() {
        return list(Pod.TYPE).stream().sorted(Comparator.comparing(p -> p.metadata().namespace() + "/"
                + p.metadata().name())).toList();
    }

    private <T extends Resource> List<T> list(ResourceType<T> type) {
        ResourceClient<T> client = cluster.client().resources(type);
        return namespace == null ? client.list() : client.inNamespace(namespace).list();
    }

    private static Instant lastSeen(Event e) {
        if (e.lastTimestamp() != null) {
            return e.lastTimestamp();
        }
        if (e.eventTime() != null) {
            return e.eventTime();
        }
        return e.firstTimestamp() != null ? e.firstTimestamp() : e.metadata().creationTimestamp();
    }

    private String noResources() {
        return namespace == null ? "No resources found.\n" : "No resources found in " + namespace + " namespace.\n";
    }

    @Override
    public String toString() {
        return "ClusterReport[" + cluster.id() + ", " + (namespace == null ? "all namespaces" : namespace) + "]";
    }
}
